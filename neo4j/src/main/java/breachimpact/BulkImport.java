package breachimpact;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.neo4j.cli.AdminTool;
import org.neo4j.cli.ExecutionContext;

/**
 * {@code Launcher import <importer options…>}: runs Neo4j's parallel batch importer, the engine of
 * {@code neo4j-admin database import full}, on the store the embedded launcher serves, in this
 * JVM (same classpath, same Neo4j version, so the store it builds is one the launcher opens).
 *
 * <p>The store is the launcher's: home is {@code NEO4J_DATA_DIR}, whose {@code data/databases/neo4j}
 * the database service of {@link Launcher} uses. Configuration comes from an empty folder of its
 * own ({@code NEO4J_DATA_DIR/conf}), so no neo4j.conf lying around changes where it writes. The
 * options after {@code import} go to the importer as they are (node and relationship files,
 * {@code --overwrite-destination}, memory); the database name {@code neo4j} is added last. The
 * importer's progress goes to standard output; the exit code is the importer's (0 on success).
 */
final class BulkImport {
    private BulkImport() {}

    static int run(Path dataDir, String[] importerOptions) throws IOException {
        var mode = PosixFilePermissions.fromString("rwx------");
        Path conf = dataDir.resolve("conf");
        if (!Files.exists(conf, LinkOption.NOFOLLOW_LINKS)) Files.createDirectory(conf, PosixFilePermissions.asFileAttribute(mode));
        List<String> args = new ArrayList<>(List.of("database", "import", "full"));
        args.add("neo4j");
        args.addAll(Arrays.asList(importerOptions));
        return AdminTool.execute(new ExecutionContext(dataDir, conf), args.toArray(String[]::new));
    }
}
