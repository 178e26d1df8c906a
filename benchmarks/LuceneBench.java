// Lucene beside our index: the same tokens, BM25 (k1 1.5, b 0.75, as rank_bm25), one indexing thread.
//
//   java -cp LUCENE_JAR:. LuceneBench DATA_DIR
//
// Reads DATA_DIR/tokens.txt (one passage a line, our tokenizer's terms separated by spaces) and
// DATA_DIR/queries.txt (one query a line, the same way), builds an in-memory index, runs every
// query once to warm the JIT, then times each query alone (top 3, as passage numbers read from a
// column, no stored-document fetch), and prints one JSON object.
// Compiled at benchmark time by benchmarks/lucene.py against the Lucene jar it finds.

import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.lucene.analysis.core.WhitespaceAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SerialMergeScheduler;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.ByteBuffersDirectory;

public class LuceneBench {
    static double rssMib() throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
        }
        return Double.NaN;
    }

    static Query query(String line) {
        Map<String, Integer> counts = new LinkedHashMap<>();  // a repeated term weighs more, as in rank_bm25
        for (String t : line.trim().split(" ")) if (!t.isEmpty()) counts.merge(t, 1, Integer::sum);
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            Query tq = new TermQuery(new Term("body", e.getKey()));
            b.add(e.getValue() > 1 ? new BoostQuery(tq, e.getValue()) : tq, BooleanClause.Occur.SHOULD);
        }
        return b.build();
    }

    static int[] top3(IndexSearcher searcher, Query q, int[] number) throws Exception {
        ScoreDoc[] hits = searcher.search(q, 3).scoreDocs;
        int[] out = new int[hits.length];
        for (int i = 0; i < hits.length; i++) out[i] = number[hits[i].doc];
        return out;
    }

    // Lucene's doc id -> passage number, read once from a doc-values column (as tantivy's fast field):
    // the timed search returns passage numbers without fetching stored documents
    static int[] numbers(DirectoryReader reader) throws Exception {
        int[] number = new int[reader.maxDoc()];
        for (LeafReaderContext leaf : reader.leaves()) {
            NumericDocValues values = leaf.reader().getNumericDocValues("n");
            for (int doc = values.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = values.nextDoc()) {
                number[leaf.docBase + doc] = (int) values.longValue();
            }
        }
        return number;
    }

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args[0]);
        List<String> queries = Files.readAllLines(data.resolve("queries.txt"), StandardCharsets.UTF_8);
        System.gc();
        double before = rssMib();
        long start = System.nanoTime();
        ByteBuffersDirectory dir = new ByteBuffersDirectory();
        IndexWriterConfig config = new IndexWriterConfig(new WhitespaceAnalyzer());
        config.setSimilarity(new BM25Similarity(1.5f, 0.75f));
        config.setMergeScheduler(new SerialMergeScheduler());  // one thread, as the others
        config.setRAMBufferSizeMB(256);
        int n = 0;
        try (IndexWriter writer = new IndexWriter(dir, config);
             BufferedReader in = Files.newBufferedReader(data.resolve("tokens.txt"), StandardCharsets.UTF_8)) {
            for (String line; (line = in.readLine()) != null; n++) {
                Document doc = new Document();
                doc.add(new TextField("body", line, Field.Store.NO));
                doc.add(new NumericDocValuesField("n", n));
                writer.addDocument(doc);
            }
            writer.forceMerge(1);
        }
        DirectoryReader reader = DirectoryReader.open(dir);
        IndexSearcher searcher = new IndexSearcher(reader);
        searcher.setSimilarity(new BM25Similarity(1.5f, 0.75f));
        double build = (System.nanoTime() - start) / 1e9;
        System.gc();
        double after = rssMib();
        int[] number = numbers(reader);
        List<Query> parsed = new ArrayList<>();
        for (String q : queries) parsed.add(query(q));
        for (Query q : parsed) top3(searcher, q, number);  // the JIT's warm-up: every query once
        double[] ms = new double[parsed.size()], cpu = new double[parsed.size()];
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        StringBuilder top = new StringBuilder("[");
        for (int i = 0; i < parsed.size(); i++) {
            long t0 = System.nanoTime(), c0 = threads.getCurrentThreadCpuTime();
            int[] hits = top3(searcher, parsed.get(i), number);
            cpu[i] = (threads.getCurrentThreadCpuTime() - c0) / 1e6;
            ms[i] = (System.nanoTime() - t0) / 1e6;
            top.append(i > 0 ? "," : "").append(Arrays.toString(hits));
        }
        top.append("]");
        String times = Arrays.toString(ms), cpuTimes = Arrays.toString(cpu);
        System.out.printf("{\"engine\": \"lucene\", \"passages\": %d, \"build_s\": %.3f, \"index_mib\": %.1f, "
                + "\"version\": \"%s\", \"java\": \"%s\", \"times_ms\": %s, \"cpu_ms\": %s, \"top\": %s}%n",
                n, build, after - before, org.apache.lucene.util.Version.LATEST, Runtime.version(), times, cpuTimes, top);
    }
}
