package io.openrouteraudit.cli.reconcile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.openrouteraudit.journal.StoredRecord;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecordComparisonTest {

    private static final String ID = "gen-1766107352-qwhPp17HeXK7ivKFmPFa";

    private static StoredRecord journal(String modelUsed, String provider, Object cost, Object prompt, Object completion)
            throws IOException {
        return StoredRecord.parse("{\"schema\":1,\"seq\":7,\"timestamp\":\"2026-11-23T10:15:30.123Z\","
                + "\"generation_id\":\"" + ID + "\",\"model_requested\":\"openai/gpt-4o\",\"model_used\":"
                + json(modelUsed) + ",\"provider\":" + json(provider) + ",\"prompt_tokens\":" + prompt
                + ",\"completion_tokens\":" + completion + ",\"total_cost\":" + cost + "}");
    }

    private static String json(String s) {
        return s == null ? "null" : "\"" + s + "\"";
    }

    private static GenerationStats openRouter(String model, String provider, Double cost, Long prompt, Long completion) {
        return new GenerationStats(ID, model, provider, cost, prompt, completion, null, null);
    }

    @Test
    void identicalValuesMatch() throws IOException {
        StoredRecord r = journal("openai/gpt-4o", "OpenAI", 0.00321, 18, 1067);
        assertEquals(List.of(), RecordComparison.compare(r, openRouter("openai/gpt-4o", "OpenAI", 0.00321, 18L, 1067L)));
    }

    @Test
    void costsMatchWithinTolerance() {
        assertTrue(RecordComparison.sameCost(0.1 + 0.2, 0.3), "binary rounding");
        assertTrue(RecordComparison.sameCost(0.00321, 0.00321 * (1 + 5e-10)), "relative 5e-10");
        assertTrue(RecordComparison.sameCost(0.0, 5e-13), "absolute 5e-13 at zero");
        assertFalse(RecordComparison.sameCost(0.00321, 0.00321 * (1 + 1e-8)), "relative 1e-8");
        assertFalse(RecordComparison.sameCost(0.0, 1e-11), "absolute 1e-11 at zero");
        assertFalse(RecordComparison.sameCost(0.0011, 0.0012));
        assertFalse(RecordComparison.sameCost(null, 0.0));
        assertTrue(RecordComparison.sameCost(null, null));
    }

    @Test
    void everyDifferingFieldIsListedWithBothValues() throws IOException {
        StoredRecord r = journal("openai/gpt-4o", "OpenAI", 0.0011, 18, 3);
        List<Difference> differences = RecordComparison.compare(r,
                openRouter("openai/gpt-4o-mini", "Azure", 0.0012, 19L, 4L));
        assertEquals(List.of(
                new Difference("total_cost", "0.0011", "0.0012"),
                new Difference("prompt_tokens", "18", "19"),
                new Difference("completion_tokens", "3", "4"),
                new Difference("model", "\"openai/gpt-4o\"", "\"openai/gpt-4o-mini\""),
                new Difference("provider", "\"OpenAI\"", "\"Azure\"")), differences);
    }

    @Test
    void whatTheJournalLacksButOpenRouterBillsIsADifference() throws IOException {
        StoredRecord r = journal("openai/gpt-4o", null, null, null, null);
        List<Difference> differences = RecordComparison.compare(r, openRouter("openai/gpt-4o", "Google AI Studio",
                0.00001, 5L, 6L));
        assertEquals(List.of(
                new Difference("total_cost", "null", "0.00001"),
                new Difference("prompt_tokens", "null", "5"),
                new Difference("completion_tokens", "null", "6"),
                new Difference("provider", "null", "\"Google AI Studio\"")), differences);
    }

    @Test
    void whatOpenRouterDoesNotReportIsNotCompared() throws IOException {
        StoredRecord r = journal("openai/gpt-4o", "OpenAI", 0.5, 18, 3);
        assertEquals(List.of(), RecordComparison.compare(r, openRouter(null, null, null, null, null)));
    }

    @Test
    void nativeTokenCountsAlsoMatch() throws IOException {
        StoredRecord r = journal("openai/gpt-4o", "OpenAI", 0.5, 21, 3);
        GenerationStats normalisedDiffers = new GenerationStats(ID, "openai/gpt-4o", "OpenAI", 0.5, 18L, 3L, 21L, 3L);
        assertEquals(List.of(), RecordComparison.compare(r, normalisedDiffers));
        GenerationStats onlyNative = new GenerationStats(ID, null, null, null, null, null, 22L, 3L);
        assertEquals(List.of(new Difference("prompt_tokens", "21", "22")), RecordComparison.compare(r, onlyNative));
    }

    @Test
    void theModelComparedIsTheOneThatServedTheCallElseTheOneRequested() throws IOException {
        StoredRecord noModelUsed = journal(null, "OpenAI", 0.5, 1, 1);
        assertEquals(List.of(), RecordComparison.compare(noModelUsed, openRouter("openai/gpt-4o", null, null, null, null)));
    }

    @Test
    void generationStatsAreReadFromTheDataObject() throws IOException {
        GenerationStats stats = GenerationStats.parse("{\"data\":{\"id\":\"" + ID + "\",\"model\":\"google/gemini\","
                + "\"provider_name\":\"Google\",\"total_cost\":\"0.00321\",\"tokens_prompt\":18,"
                + "\"tokens_completion\":1067.0,\"native_tokens_prompt\":null,\"extra\":{\"nested\":[1,2]},"
                + "\"latency\":1234}}");
        assertEquals(new GenerationStats(ID, "google/gemini", "Google", 0.00321, 18L, 1067L, null, null), stats);
        assertThrows(IOException.class, () -> GenerationStats.parse("{\"error\":{\"code\":404}}"));
        assertThrows(IOException.class, () -> GenerationStats.parse("not json"));
        assertThrows(IOException.class, () -> GenerationStats.parse("[]"));
    }
}
