package breachimpact;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.stream.Stream;

import org.neo4j.cli.AdminTool;
import org.neo4j.cli.ExecutionContext;
import org.neo4j.io.fs.DefaultFileSystemAbstraction;

/**
 * {@code Launcher dump <folder>} and {@code Launcher load <archive>}: Neo4j's own offline
 * {@code neo4j-admin database dump} and {@code database load} of the {@code neo4j} database of the
 * launcher's store ({@code NEO4J_DATA_DIR}), in this JVM (same Neo4j version as the server).
 *
 * <p>Both need the store closed. Each prints at most one marker line for the Node side
 * (src/db/store-archive.ts) and exits with its code: {@code BACKUP_STORE_IN_USE} (exit 3) when a
 * running server holds the store, {@code BACKUP_FILE_INVALID} (exit 4) when the archive is not a
 * Neo4j dump, {@code BACKUP_STORE_NEEDS_RECOVERY} (exit 6) when the store was not shut down
 * cleanly, {@code BACKUP_LOAD_FAILED} (exit 5) when loading failed part-way (the previous
 * database is back in place); Neo4j's own messages go to standard error.
 *
 * <p>Load never leaves a half-loaded database: the archive is first read for its metadata
 * ({@code --info}); then the current database and transaction-log folders are renamed aside
 * (a marker file says a load is under way), the archive is loaded into the freed place, and only
 * then is the marker removed and the old folders deleted. A load that fails puts the old folders
 * back; a load that died (power cut, SIGKILL) is rolled back by the next {@code load}.
 */
final class StoreArchive {
    private StoreArchive() {}

    private static final String ASIDE = ".before-restore";
    private static final String MARKER = "restore-unfinished";

    /** Writes {@code <folder>/neo4j.dump}; the folder must exist and hold no neo4j.dump. */
    static int dump(Path dataDir, Path folder) throws IOException {
        if (inUse(dataDir)) return inUseExit();
        Captured run = admin(dataDir, "database", "dump", "neo4j", "--to-path=" + folder);
        if (run.code == 0) return 0;
        if (run.text.contains("in use")) return inUseExit();
        if (run.text.contains("recover")) {
            System.out.println("BACKUP_STORE_NEEDS_RECOVERY");
            return 6;
        }
        return run.code;
    }

    /** Replaces the neo4j database of the store with the archive's, atomically (see the class comment). */
    static int load(Path dataDir, Path archive) throws IOException {
        Path db = dataDir.resolve("data/databases/neo4j");
        Path tx = dataDir.resolve("data/transactions/neo4j");
        if (inUse(dataDir)) return inUseExit();
        rollBackUnfinished(dataDir, db, tx);
        if (!Files.isRegularFile(archive)) {
            System.out.println("BACKUP_FILE_INVALID");
            return 4;
        }
        // neo4j-admin loads <folder>/neo4j.dump: a private folder with a link to the archive.
        Path staging = Files.createTempDirectory(dataDir, "restore-", PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        try {
            Files.createSymbolicLink(staging.resolve("neo4j.dump"), archive.toAbsolutePath());
            if (admin(dataDir, "database", "load", "neo4j", "--from-path=" + staging, "--info").code != 0) {
                System.out.println("BACKUP_FILE_INVALID");
                return 4;
            }
            // Empty folders stand for "no database yet", so that rolling back is the same rename either way.
            Files.createDirectories(db);
            Files.createDirectories(tx);
            Files.writeString(dataDir.resolve(MARKER), "a restore is loading a dump here; the next load puts back the folders *" + ASIDE + "\n", StandardCharsets.UTF_8);
            Files.move(db, aside(db));
            Files.move(tx, aside(tx));
            Captured run = admin(dataDir, "database", "load", "neo4j", "--from-path=" + staging);
            if (run.code != 0) {
                rollBackUnfinished(dataDir, db, tx);
                System.out.println("BACKUP_LOAD_FAILED");
                return 5;
            }
            // The new database is complete: from here on it is the store, and the old one goes.
            Files.delete(dataDir.resolve(MARKER));
            deleteTree(aside(db));
            deleteTree(aside(tx));
            return 0;
        } finally {
            deleteTree(staging);
        }
    }

    /**
     * After a load that did not finish (marker present), puts back each folder that was moved
     * aside, dropping what the load wrote in its place; after one that finished, deletes leftovers.
     */
    private static void rollBackUnfinished(Path dataDir, Path db, Path tx) throws IOException {
        boolean unfinished = Files.exists(dataDir.resolve(MARKER));
        for (Path dir : new Path[] {db, tx}) {
            if (!Files.exists(aside(dir), LinkOption.NOFOLLOW_LINKS)) continue;
            if (unfinished) {
                deleteTree(dir);
                Files.move(aside(dir), dir);
            } else {
                deleteTree(aside(dir));
            }
        }
        Files.deleteIfExists(dataDir.resolve(MARKER));
    }

    private static Path aside(Path dir) {
        return dir.resolveSibling(dir.getFileName() + ASIDE);
    }

    private static int inUseExit() {
        System.out.println("BACKUP_STORE_IN_USE");
        return 3;
    }

    /**
     * Whether a running Neo4j holds the store: it keeps an exclusive file lock on the DBMS's
     * {@code store_lock} and on the database's {@code database_lock} while it runs. Checked before
     * anything is moved; neo4j-admin takes the locks itself for the dump or load proper.
     */
    private static boolean inUse(Path dataDir) throws IOException {
        for (Path lock : new Path[] {dataDir.resolve("data/databases/store_lock"), dataDir.resolve("data/databases/neo4j/database_lock")}) {
            if (!Files.exists(lock)) continue;
            try (FileChannel channel = FileChannel.open(lock, StandardOpenOption.WRITE)) {
                FileLock held = channel.tryLock();
                if (held == null) return true;
                held.release();
            } catch (OverlappingFileLockException e) {
                return true;
            }
        }
        return false;
    }

    /** What one neo4j-admin command printed (echoed to standard error as it came) and its exit code. */
    private record Captured(int code, String text) {}

    private static Captured admin(Path dataDir, String... args) throws IOException {
        Path conf = dataDir.resolve("conf");
        if (!Files.exists(conf, LinkOption.NOFOLLOW_LINKS)) Files.createDirectory(conf, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        ByteArrayOutputStream copy = new ByteArrayOutputStream();
        PrintStream both = new PrintStream(new Tee(System.err, copy), true, StandardCharsets.UTF_8);
        int code = AdminTool.execute(new ExecutionContext(dataDir, conf, both, both, new DefaultFileSystemAbstraction()), args);
        both.flush();
        return new Captured(code, copy.toString(StandardCharsets.UTF_8));
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) return;
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }

    /** Writes to two streams. */
    private static final class Tee extends OutputStream {
        private final OutputStream a;
        private final OutputStream b;

        Tee(OutputStream a, OutputStream b) {
            this.a = a;
            this.b = b;
        }

        @Override
        public void write(int x) throws IOException {
            a.write(x);
            b.write(x);
        }

        @Override
        public void write(byte[] buf, int off, int len) throws IOException {
            a.write(buf, off, len);
            b.write(buf, off, len);
        }

        @Override
        public void flush() throws IOException {
            a.flush();
            b.flush();
        }
    }
}
