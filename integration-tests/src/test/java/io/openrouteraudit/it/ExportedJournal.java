package io.openrouteraudit.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import io.openrouteraudit.sim.RecordedExchange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A journal as the command line shows it: {@code export --dir D} parsed, and {@code verify --dir D}
 * required to pass with {@code OK <n> records} for the n records exported.
 */
final class ExportedJournal {

    /** Every key of SPEC §4; each record has all of them (absent values are null). */
    static final List<String> RECORD_KEYS = List.of("schema", "seq", "timestamp", "generation_id", "client",
            "method", "endpoint", "model_requested", "model_used", "provider", "stream", "http_status", "status",
            "error_code", "finish_reason", "prompt_tokens", "completion_tokens", "reasoning_tokens",
            "cached_tokens", "total_cost", "latency_ms", "ttft_ms", "user_id", "app_title", "app_referer",
            "key_fingerprint", "prompt_hash", "completion_hash", "pii", "truncated", "session_id", "routing",
            "policy_violations", "trace_id", "span_id", "prompt", "completion", "prev_hash", "record_hash");

    private static final String SHA256_HEX = "[0-9a-f]{64}";

    private final Path dir;
    private final ForkedJvmResult export;
    private final ForkedJvmResult verify;
    private final List<JsonNode> records;

    private ExportedJournal(Path dir, ForkedJvmResult export, ForkedJvmResult verify, List<JsonNode> records) {
        this.dir = dir;
        this.export = export;
        this.verify = verify;
        this.records = records;
    }

    /** Runs {@code export} and {@code verify} on the journal directory. */
    static ExportedJournal read(Path dir) {
        return of(dir, AgentCli.export(dir), AgentCli.verify(dir));
    }

    /** From the results of {@code export} and {@code verify} on {@code dir}. */
    static ExportedJournal of(Path dir, ForkedJvmResult export, ForkedJvmResult verify) {
        List<JsonNode> records = AgentCli.exportRecords(export);
        verify.assertExitCode(0);
        String expected = "OK " + records.size() + " records";
        assertTrue(verify.stdoutLines().stream().anyMatch(line -> line.trim().equals(expected)),
                () -> "verify should print \"" + expected + "\"\n" + verify.describe());
        return new ExportedJournal(dir, export, verify, records);
    }

    List<JsonNode> records() {
        return records;
    }

    /** Keys, schema, client, seq 1..n in export order, and each prev_hash linking to the previous record_hash. */
    ExportedJournal assertWellFormed(String client) {
        String previousHash = null;
        for (int i = 0; i < records.size(); i++) {
            JsonNode record = records.get(i);
            for (String key : RECORD_KEYS) {
                JsonFields.present(record, key);
            }
            assertEquals(1, JsonFields.integer(record, "schema"), () -> "schema of " + record);
            assertEquals(i + 1, JsonFields.longValue(record, "seq").intValue(), "seq of record " + (i + 1));
            assertEquals(client, JsonFields.text(record, "client"), () -> "client of " + record);
            String recordHash = JsonFields.text(record, "record_hash");
            assertTrue(recordHash != null && recordHash.matches(SHA256_HEX), () -> "record_hash of " + record);
            if (i > 0) {
                assertEquals(previousHash, JsonFields.text(record, "prev_hash"), "prev_hash of seq " + (i + 1));
            }
            previousHash = recordHash;
        }
        return this;
    }

    /**
     * One record per audited exchange, each equal to what the simulator received and sent, and
     * no other record (a host that is not audited leaves none).
     */
    ExportedJournal assertOneRecordPerExchange(List<RecordedExchange> audited, RecordExpectations expectations) {
        List<String> exchangeKeys = audited.stream().map(ExchangeKey::of).toList();
        assertEquals(exchangeKeys.size(), new HashSet<>(exchangeKeys).size(),
                () -> "test design: the exchanges of one run must be told apart by id or model: " + exchangeKeys);
        List<String> recordKeys = records.stream().map(ExchangeKey::of).toList();
        assertEquals(exchangeKeys.stream().sorted().toList(), recordKeys.stream().sorted().toList(),
                "one record per audited exchange (by generation id, else requested model)");
        for (RecordedExchange exchange : audited) {
            expectations.assertMatches(recordFor(exchange), exchange);
        }
        Set<String> promptHashes = records.stream().map(r -> JsonFields.text(r, "prompt_hash"))
                .collect(Collectors.toSet());
        assertEquals(records.size(), promptHashes.size(), "every prompt differs, so every prompt_hash must");
        return this;
    }

    JsonNode recordFor(RecordedExchange exchange) {
        String key = ExchangeKey.of(exchange);
        List<JsonNode> matching = records.stream().filter(r -> ExchangeKey.of(r).equals(key)).toList();
        if (matching.size() != 1) {
            fail(matching.size() + " records for the exchange " + key + "; records: " + records);
        }
        return matching.get(0);
    }

    JsonNode recordWithModel(String modelRequested) {
        List<JsonNode> matching = records.stream()
                .filter(r -> modelRequested.equals(JsonFields.text(r, "model_requested"))).toList();
        if (matching.size() != 1) {
            fail(matching.size() + " records with model_requested " + modelRequested + "; records: " + records);
        }
        return matching.get(0);
    }

    /**
     * No key, e-mail or phone number in the export, the command line's output, the given process
     * output, or any file of the journal directory (SPEC §7).
     */
    ExportedJournal assertNoSecrets(ForkedJvmResult... processes) {
        Secrets.assertAbsent("the exported journal", export.stdout());
        Secrets.assertAbsent("export's stderr", export.stderr());
        Secrets.assertAbsent("verify's output", verify.stdout() + verify.stderr());
        for (ForkedJvmResult process : processes) {
            Secrets.assertAbsent("the stderr of " + process.command(), process.stderr());
        }
        for (Path file : journalFiles()) {
            try {
                Secrets.assertAbsent("journal file " + file,
                        new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1));
            } catch (IOException e) {
                fail("cannot read journal file " + file + ": " + e);
            }
        }
        return this;
    }

    private List<Path> journalFiles() {
        if (!Files.isDirectory(dir)) {
            fail("there is no journal directory at " + dir + ": the agent wrote no journal");
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return new ArrayList<>(files.filter(Files::isRegularFile).toList());
        } catch (IOException e) {
            return fail("cannot list the journal directory " + dir + ": " + e);
        }
    }
}
