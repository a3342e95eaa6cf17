package breachimpact;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.neo4j.io.pagecache.PageCache;
import org.neo4j.io.pagecache.PageCursor;
import org.neo4j.io.pagecache.PagedFile;
import org.neo4j.io.pagecache.context.CursorContext;
import org.neo4j.kernel.internal.GraphDatabaseAPI;

/**
 * Reads the store's files into Neo4j's page cache in the background after start, so the first
 * heavy requests (a mailing export at national size, a delta) find their pages in memory instead
 * of reading them from disk one at a time.
 *
 * <p>Why: Neo4j Enterprise reheats its page cache at start from a profile of what it held; Neo4j
 * Community, which this launcher runs, starts with it empty, and every page a query needs is then
 * a random read. Measured at 10M people (a 9.5 GB store, the OS's file cache dropped before each
 * start; README, "Page-cache warm-up"), the first mailing export after a start took 37.1 and
 * 40.6 s without it and 30.8 and 32.7 s once it was done (8 GB page cache, 54-59 s of warm-up).
 *
 * <p>What: every file the page cache has mapped (record stores, indexes, of every database), the
 * smallest first (token and schema stores, then nodes, relationships, indexes, properties,
 * strings: the cheap ones, which every query touches, are never left out), each read in order
 * from its first page, until 90 % of the page cache is filled: past that, loading a page would
 * evict another, and the warm-up would only churn. Pages are pinned with a shared read lock
 * and released at once, as a query would; the database answers meanwhile.
 *
 * <p>Prints one line when done, {@code NEO4J_WARMED pages=… bytes=… files=… of=… seconds=…
 * full=…} ({@code full=true}: it stopped at the 90 %), which the Node side reads
 * (src/db/embedded.ts). A file unmapped meanwhile (an index dropped) is skipped; any other failure
 * ends the warm-up with a {@code NEO4J_WARMUP_FAILED} line, never the server.
 */
final class PageCacheWarmup {
    private PageCacheWarmup() {}

    /** The share of the page cache the warm-up may fill. */
    static final double FILL = 0.9;

    /** Starts the warm-up on a daemon thread (it never keeps the JVM alive) and returns it, so a shutdown can interrupt it. */
    static Thread start(GraphDatabaseAPI db) {
        Thread t = new Thread(() -> {
            try {
                System.out.println(run(db.getDependencyResolver().resolveDependency(PageCache.class)));
            } catch (Throwable e) {
                if (!Thread.currentThread().isInterrupted()) System.out.println("NEO4J_WARMUP_FAILED " + e);
            }
            System.out.flush();
        }, "page-cache-warmup");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        t.start();
        return t;
    }

    /** Warms `cache` as the class comment says and returns the report line. */
    static String run(PageCache cache) throws IOException {
        long started = System.nanoTime();
        long budget = (long) (cache.maxCachedPages() * FILL);
        List<PagedFile> files = new ArrayList<>(cache.listExistingMappings());
        files.sort(Comparator.comparingLong(PageCacheWarmup::sizeOf));
        long pages = 0;
        int warmed = 0;
        for (PagedFile file : files) {
            if (pages >= budget || Thread.currentThread().isInterrupted()) break;
            try (PageCursor cursor = file.io(0, PagedFile.PF_SHARED_READ_LOCK | PagedFile.PF_READ_AHEAD, CursorContext.NULL_CONTEXT)) {
                // next() pins the page, which loads it; reading a byte is what a query would do.
                while (pages < budget && cursor.next()) {
                    cursor.getByte();
                    pages++;
                }
                warmed++;
            } catch (IOException | IllegalStateException e) {
                // Unmapped or closed since the list was taken (an index dropped, a database stopping): skip it.
            }
        }
        return String.format(Locale.ROOT, "NEO4J_WARMED pages=%d bytes=%d files=%d of=%d seconds=%.1f full=%b",
                pages, pages * cache.pageSize(), warmed, files.size(), (System.nanoTime() - started) / 1e9, pages >= budget);
    }

    private static long sizeOf(PagedFile file) {
        try {
            return file.fileSize();
        } catch (IOException e) {
            return Long.MAX_VALUE;
        }
    }
}
