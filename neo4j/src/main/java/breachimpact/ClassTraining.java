package breachimpact;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.graphdb.GraphDatabaseService;

/**
 * {@code Launcher train <statements>}: loads the classes a server of this project uses, so that
 * the JVM started with {@code -XX:ArchiveClassesAtExit} writes them to a class archive (AppCDS)
 * when it exits; later JVMs map that archive instead of loading, parsing and verifying those
 * classes from the jars again.
 *
 * <p>Why: a Neo4j JVM pays for loading Cypher's classes on its first statement. After a restart on
 * an existing store (nothing runs Cypher in-process then), the first statement ({@code RETURN 1})
 * took 1.7–2.1 s on a quiet machine, most of the time the API needed to answer again after Neo4j
 * came back (issue #14 §3); with the archive, 0.94–0.97 s (three restarts each, 2026-12-05).
 *
 * <p>What it runs, on a fresh store in {@code dataDir} (which the parent deletes afterwards), with
 * Bolt open on a free loopback port and authentication on, as the server runs: the password set-up
 * of a first start, a small graph written and indexed, reads over it, then {@code EXPLAIN} of every
 * statement in {@code statements} (UTF-8, statements separated by a line holding only {@code ;;}),
 * the project's own named statements, which the parent writes. A statement that does not plan is
 * skipped: only loading classes matters here. Exit code 0 when the store started and stopped.
 */
final class ClassTraining {
    private ClassTraining() {}

    /** Separates two statements in the statements file (on a line of its own). */
    static final String SEPARATOR = "\n;;\n";

    static int run(Path dataDir, Path statements) throws Exception {
        Launcher.createPrivateDirectory(dataDir);
        DatabaseManagementService dbms = Launcher.builder(dataDir, "32m", "0s")
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", 0))
                .build();
        int planned = 0;
        int skipped = 0;
        try {
            Launcher.setPassword(dbms.database("system"), "class-training-only-" + System.nanoTime());
            GraphDatabaseService db = dbms.database("neo4j");
            db.executeTransactionally("CREATE INDEX training_id IF NOT EXISTS FOR (n:Training) ON (n.id)");
            db.executeTransactionally("CALL db.awaitIndexes(60)");
            db.executeTransactionally("UNWIND range(1, 200) AS i CREATE (a:Training {id: i, at: date('2024-01-01') + duration({days: i})})-[:LINKS {w: i}]->(:Training {id: -i})");
            db.executeTransactionally("MATCH (a:Training {id: $id})-[r:LINKS]->(b) RETURN a.id, r.w, b.id", Map.of("id", 7L));
            db.executeTransactionally("MATCH (a:Training) WITH a.at.month AS m, count(DISTINCT a) AS n ORDER BY m RETURN collect({m: m, n: n}) AS c");
            db.executeTransactionally("MATCH (a:Training) WHERE a.id > 0 CALL { WITH a MATCH (a)-[:LINKS]->(b) RETURN count(b) AS k } RETURN sum(k) AS total");
            for (String statement : Files.readString(statements, StandardCharsets.UTF_8).split(SEPARATOR)) {
                if (statement.isBlank()) continue;
                try {
                    db.executeTransactionally("EXPLAIN " + statement);
                    planned += 1;
                } catch (RuntimeException e) {
                    skipped += 1;
                }
            }
        } finally {
            dbms.shutdown();
        }
        System.out.println("NEO4J_TRAINED planned=" + planned + " skipped=" + skipped);
        return 0;
    }
}
