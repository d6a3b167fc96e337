package io.openrouteraudit.bench;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Whole processes, alternated so that a drift in the machine's speed hits both alike: the
 * agent's {@code redact} command against {@link FiveRegexChain} over the same corpus file
 * (stdin from the file, stdout discarded), each a fresh JVM. Prints every pair's wall times and
 * ratio, then the median ratio.
 *
 * <p>{@code RedactCommandVsRegexChain CORPUS AGENT_JAR [PAIRS]} (default 5 pairs, after one
 * unmeasured pair); write CORPUS with {@link ChatCorpus}. The same two commands can be timed
 * with any whole-process timer, e.g. {@code /usr/bin/time -v}:
 * <pre>
 *   java -jar openrouter-audit-agent.jar redact &lt; corpus.txt &gt; /dev/null
 *   java -cp CLASSPATH io.openrouteraudit.bench.FiveRegexChain &lt; corpus.txt &gt; /dev/null
 * </pre>
 */
public final class RedactCommandVsRegexChain {

    private RedactCommandVsRegexChain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: RedactCommandVsRegexChain CORPUS AGENT_JAR [PAIRS]");
            System.exit(2);
        }
        File corpus = new File(args[0]);
        int pairs = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> redact = List.of(java, "-jar", args[1], "redact");
        List<String> chain = List.of(java, "-cp", System.getProperty("java.class.path"),
                FiveRegexChain.class.getName());
        System.out.printf("corpus %s, %,d bytes%n", corpus, Files.size(corpus.toPath()));
        time(redact, corpus);
        time(chain, corpus);
        double[] ratios = new double[pairs];
        for (int i = 0; i < pairs; i++) {
            double a = time(redact, corpus);
            double b = time(chain, corpus);
            ratios[i] = b / a;
            System.out.printf("pair %d: redact %.2f s, five-regex chain %.2f s, chain/redact %.2fx%n", i + 1, a, b,
                    ratios[i]);
        }
        Arrays.sort(ratios);
        System.out.printf("median chain/redact: %.2fx (min %.2fx, max %.2fx)%n", ratios[pairs / 2], ratios[0],
                ratios[pairs - 1]);
    }

    private static double time(List<String> command, File input) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(command))
                .redirectInput(input)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.INHERIT);
        // The agent's configuration comes from the environment too; none of the caller's may leak in.
        builder.environment().keySet().removeIf(name -> name.startsWith("OPENROUTER_AUDIT_"));
        long start = System.nanoTime();
        int exit = builder.start().waitFor();
        double seconds = (System.nanoTime() - start) / 1e9;
        if (exit != 0) {
            throw new IllegalStateException(command + " exited " + exit);
        }
        return seconds;
    }
}
