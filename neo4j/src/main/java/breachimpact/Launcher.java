package breachimpact;

import java.nio.file.Files;
import java.nio.file.Path;
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
 * <p>Configuration comes from the environment, so that the Node side, the tests and CI drive it
 * the same way:
 * <ul>
 *   <li>{@code NEO4J_BOLT_PORT}: Bolt port; 0 picks a free one (default 7687).</li>
 *   <li>{@code NEO4J_DATA_DIR}: where the store lives; kept across restarts (default ./data/neo4j).</li>
 *   <li>{@code NEO4J_PAGECACHE}: page cache size, Neo4j syntax such as 256m or 2g (default 256m).</li>
 *   <li>{@code NEO4J_TX_TIMEOUT}: server-side transaction timeout, such as 30s (default 60s).</li>
 *   <li>{@code NEO4J_STOP_ON_STDIN_EOF=1}: stop when standard input closes (the parent died).</li>
 * </ul>
 * The heap is the JVM's own ({@code -Xmx}), set by whoever starts the JVM.
 *
 * <p>Prints exactly one line starting with {@code NEO4J_READY} when Bolt accepts connections, so
 * a parent process can wait for it without parsing Neo4j's own logs.
 */
public final class Launcher {
    private Launcher() {}

    public static void main(String[] args) throws Exception {
        int port = intEnv("NEO4J_BOLT_PORT", 7687);
        Path dataDir = Path.of(env("NEO4J_DATA_DIR", "data/neo4j")).toAbsolutePath();
        String pageCache = env("NEO4J_PAGECACHE", "256m");
        String txTimeout = env("NEO4J_TX_TIMEOUT", "60s");
        Files.createDirectories(dataDir);

        DatabaseManagementService dbms = new DatabaseManagementServiceBuilder(dataDir)
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
                .setConfig(BoltConnector.advertised_address, new SocketAddress("127.0.0.1", port))
                // Bound to loopback only: the embedded server is a developer and test
                // convenience; deployments point NEO4J_URI at a server with its own auth.
                .setConfig(GraphDatabaseSettings.auth_enabled, false)
                .setConfig(GraphDatabaseSettings.pagecache_memory, SettingValueParsers.BYTES.parse(pageCache))
                .setConfig(GraphDatabaseSettings.transaction_timeout, SettingValueParsers.DURATION.parse(txTimeout))
                .setConfig(GraphDatabaseSettings.udc_enabled, false)
                .setConfig(HttpConnector.enabled, false)
                .setConfig(HttpsConnector.enabled, false)
                .build();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("NEO4J_STOPPING");
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
        if ("1".equals(System.getenv("NEO4J_STOP_ON_STDIN_EOF"))) {
            // The parent keeps our stdin open for as long as it lives; EOF means it died without
            // stopping us, and an orphaned database would hold the port and the store lock.
            Thread watcher = new Thread(() -> {
                try {
                    while (System.in.read() != -1) { /* ignore input */ }
                } catch (java.io.IOException ignored) { /* treat as EOF */ }
                System.exit(0);
            }, "parent-watch");
            watcher.setDaemon(true);
            watcher.start();
        }
        stopped.await();
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
