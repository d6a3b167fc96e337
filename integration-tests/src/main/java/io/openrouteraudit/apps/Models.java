package io.openrouteraudit.apps;

/** Real OpenRouter model ids the sample applications ask for (the simulator serves any of them). */
final class Models {
    static final String GEMINI_FLASH = "google/gemini-2.5-flash";
    static final String GPT_4O_MINI = "openai/gpt-4o-mini";
    static final String CLAUDE_HAIKU = "anthropic/claude-3.5-haiku";
    static final String LLAMA_70B = "meta-llama/llama-3.3-70b-instruct";
    static final String DEEPSEEK_CHAT = "deepseek/deepseek-chat-v3.1";
    static final String MISTRAL_SMALL = "mistralai/mistral-small-3.2-24b-instruct";

    private Models() {
    }
}
