package breachimpact;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.SettingValueParsers;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.ConnectorPortRegister;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.connectors.HttpsConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.configuration.connectors.ConnectorType;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.kernel.internal.GraphDatabaseAPI;

/**
 * Starts Neo4j Community in-process with a Bolt connector on 127.0.0.1 and keeps it up until
 * SIGTERM or SIGINT, then shuts it down cleanly (a shutdown hook runs on both).
 *
 * <p>Security boundary (issue #10): authentication is on, the only user is {@code neo4j} with the
 * password read from the first line of standard input (never argv, never the environment, never
 * printed), Cypher cannot read files ({@code LOAD CSV} from file URLs is off and there is no
 * import directory), and the store directory is created 0700. The first start of a store, or a
 * start with a password the store has not been given yet (an older store that ran without
 * authentication, or regenerated secrets), first opens the store without Bolt and sets the
 * password in-process, so no network client ever sees the store with a default password.
 *
 * <p>Configuration comes from the environment, so that the Node side, the tests and CI drive it
 * the same way:
 * <ul>
 *   <li>{@code NEO4J_BOLT_PORT}: Bolt port; 0 picks a free one (default 7687).</li>
 *   <li>{@code NEO4J_DATA_DIR}: where the store lives; kept across restarts (default ./data/neo4j).</li>
 *   <li>{@code NEO4J_PAGECACHE}: page cache size, Neo4j syntax such as 256m or 2g (default 256m).</li>
 *   <li>{@code NEO4J_TX_TIMEOUT}: server-side transaction timeout, such as 30s (default 60s).</li>
 *   <li>{@code NEO4J_STOP_ON_STDIN_EOF=1}: stop when standard input closes (the parent died).</li>
 *   <li>{@code NEO4J_PAGECACHE_WARMUP=1}: after the ready line, read the store into the page cache
 *       in the background (see {@link PageCacheWarmup}).</li>
 * </ul>
 * The parent gives it a minimal environment (PATH, JAVA_HOME, HOME, LANG and these), so no API
 * secret is readable in {@code /proc/<pid>/environ}.
 * The heap is the JVM's own ({@code -Xmx}), set by whoever starts the JVM.
 *
 * <p>{@code Launcher import <options…>} runs Neo4j's batch importer on the same store instead of
 * starting a server (see {@link BulkImport}).
 * {@code Launcher dump <folder>} and {@code Launcher load <archive>} dump or load the store's
 * {@code neo4j} database with neo4j-admin, offline (see {@link StoreArchive}).
 * {@code Launcher train <statements>} loads the classes a server uses, on a throw-away store, for
 * the JVM's class archive (see {@link ClassTraining}).
 *
 * <p>Prints exactly one line starting with {@code NEO4J_READY} when Bolt accepts connections, so
 * a parent process can wait for it without parsing Neo4j's own logs.
 */
public final class Launcher {
    private Launcher() {}

    /** Marker in Neo4j's own dbms folder: which password (by SHA-256) the store was last given. */
    private static final String PASSWORD_MARKER = "data/dbms/breach-impact-password.sha256";

    public static void main(String[] args) throws Exception {
        Path dataDir = Path.of(env("NEO4J_DATA_DIR", "data/neo4j")).toAbsolutePath();
        if (args.length > 0 && "import".equals(args[0])) {
            // Bulk first load (see BulkImport): no server, no password; the store must not be in use.
            createPrivateDirectory(dataDir);
            System.exit(BulkImport.run(dataDir, java.util.Arrays.copyOfRange(args, 1, args.length)));
        }
        if (args.length == 2 && ("dump".equals(args[0]) || "load".equals(args[0]))) {
            // Offline dump or load of the neo4j database (see StoreArchive); the store must not be in use.
            createPrivateDirectory(dataDir);
            System.exit("dump".equals(args[0]) ? StoreArchive.dump(dataDir, Path.of(args[1])) : StoreArchive.load(dataDir, Path.of(args[1])));
        }
        if (args.length == 2 && "train".equals(args[0])) {
            // A class-loading run for the JVM's class archive (see ClassTraining); the parent gives
            // this JVM -XX:ArchiveClassesAtExit, and the archive is written when it exits.
            System.exit(ClassTraining.run(dataDir, Path.of(args[1])));
        }
        int port = intEnv("NEO4J_BOLT_PORT", 7687);
        String pageCache = env("NEO4J_PAGECACHE", "256m");
        String txTimeout = env("NEO4J_TX_TIMEOUT", "60s");
        BufferedReader stdin = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String password = stdin.readLine();
        if (password == null || password.length() < 16) {
            System.err.println("NEO4J_CONFIG_ERROR the database password (at least 16 characters) must be the first line of standard input");
            System.exit(2);
        }
        createPrivateDirectory(dataDir);

        Path marker = dataDir.resolve(PASSWORD_MARKER);
        String digest = sha256(password);
        if (!digest.equals(readMarker(marker))) {
            // Bolt stays closed while the password is set: a store that has never had one holds
            // neo4j/neo4j (or, from an older launcher, ran without authentication at all).
            DatabaseManagementService setup = builder(dataDir, pageCache, txTimeout).setConfig(BoltConnector.enabled, false).build();
            try {
                setPassword(setup.database("system"), password);
            } finally {
                setup.shutdown();
            }
            Files.createDirectories(marker.getParent());
            Files.writeString(marker, digest, StandardCharsets.UTF_8);
        }

        DatabaseManagementService dbms = builder(dataDir, pageCache, txTimeout)
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
                .setConfig(BoltConnector.advertised_address, new SocketAddress("127.0.0.1", port))
                .build();
        CountDownLatch stopped = new CountDownLatch(1);
        Thread[] warmup = new Thread[1];
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("NEO4J_STOPPING");
            if (warmup[0] != null) warmup[0].interrupt();
            dbms.shutdown();
            System.out.println("NEO4J_STOPPED");
            stopped.countDown();
        }, "neo4j-shutdown"));

        GraphDatabaseService db = dbms.database("neo4j");
        // Port 0 asks the OS for a free port; the register tells which one Bolt really got.
        int bound = ((GraphDatabaseAPI) db).getDependencyResolver()
                .resolveDependency(ConnectorPortRegister.class)
                .getLocalAddress(ConnectorType.BOLT)
                .getPort();
        System.out.println("NEO4J_READY bolt://127.0.0.1:" + bound + " data=" + dataDir);
        System.out.flush();
        if ("1".equals(System.getenv("NEO4J_PAGECACHE_WARMUP"))) warmup[0] = PageCacheWarmup.start((GraphDatabaseAPI) db);
        if ("1".equals(System.getenv("NEO4J_STOP_ON_STDIN_EOF"))) {
            // The parent keeps our stdin open for as long as it lives; EOF means it died without
            // stopping us, and an orphaned database would hold the port and the store lock.
            Thread watcher = new Thread(() -> {
                try {
                    while (stdin.read() != -1) { /* ignore input */ }
                } catch (IOException ignored) { /* treat as EOF */ }
                System.exit(0);
            }, "parent-watch");
            watcher.setDaemon(true);
            watcher.start();
        }
        stopped.await();
    }

    /** The settings every start shares (the server's, the password setup's, the class training's): authentication on, no file access from Cypher, no HTTP. */
    static DatabaseManagementServiceBuilder builder(Path dataDir, String pageCache, String txTimeout) {
        return new DatabaseManagementServiceBuilder(dataDir)
                // Loopback only, and authenticated: any local process can reach the port.
                .setConfig(GraphDatabaseSettings.auth_enabled, true)
                // LOAD CSV from file:/// would read any file this JVM can (secrets, /proc/self/environ).
                // load_csv_file_url_root (server.directories.import) is deliberately left unset.
                .setConfig(GraphDatabaseSettings.allow_file_urls, false)
                .setConfig(GraphDatabaseSettings.pagecache_memory, SettingValueParsers.BYTES.parse(pageCache))
                .setConfig(GraphDatabaseSettings.transaction_timeout, SettingValueParsers.DURATION.parse(txTimeout))
                .setConfig(GraphDatabaseSettings.udc_enabled, false)
                .setConfig(HttpConnector.enabled, false)
                .setConfig(HttpsConnector.enabled, false);
    }

    /**
     * Gives user neo4j the password through the system database, in-process (no Bolt, so no
     * login is needed). Creates the user if a store somehow lacks it.
     */
    static void setPassword(GraphDatabaseService system, String password) {
        boolean exists = system.executeTransactionally("SHOW USERS YIELD user WHERE user = 'neo4j' RETURN count(*) AS n",
                Map.of(), r -> ((Number) r.next().get("n")).longValue() > 0);
        String statement = exists
                ? "ALTER USER neo4j SET PASSWORD $password CHANGE NOT REQUIRED"
                : "CREATE USER neo4j SET PASSWORD $password CHANGE NOT REQUIRED";
        system.executeTransactionally(statement, Map.of("password", password));
    }

    /** Creates the store folder 0700 (and tightens an existing one): store files are the data. */
    static void createPrivateDirectory(Path dir) throws IOException {
        var mode = PosixFilePermissions.fromString("rwx------");
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            Files.createDirectories(dir.getParent());
            Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(mode));
        }
        Files.setPosixFilePermissions(dir, mode);
    }

    private static String readMarker(Path marker) throws IOException {
        return Files.exists(marker) ? Files.readString(marker, StandardCharsets.UTF_8).trim() : "";
    }

    private static String sha256(String s) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v.trim();
    }

    private static int intEnv(String name, int fallback) {
        String v = env(name, String.valueOf(fallback));
        try {
            int p = Integer.parseInt(v);
            if (p < 0 || p > 65535) throw new NumberFormatException();
            return p;
        } catch (NumberFormatException e) {
            System.err.println("NEO4J_CONFIG_ERROR " + name + " must be a port number 0-65535, got '" + v + "'");
            System.exit(2);
            return -1;
        }
    }
}
