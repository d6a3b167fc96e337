package io.openrouteraudit.apps;

import com.openai.client.OpenAIClient;
import com.openai.client.OpenAIClientAsync;

/** One thing {@link OpenAiSdkApp} does with the SDK, writing what it saw to the transcript. */
@FunctionalInterface
interface OpenAiScenario {
    void run(OpenAiContext context) throws Exception;
}

/** What every scenario of {@link OpenAiSdkApp} shares. */
final class OpenAiContext {

    private final OpenAIClient sync;
    private final OpenAIClientAsync async;
    private final OpenAIClient notAudited;
    private final Transcript transcript;

    OpenAiContext(OpenAIClient sync, OpenAIClientAsync async, OpenAIClient notAudited, Transcript transcript) {
        this.sync = sync;
        this.async = async;
        this.notAudited = notAudited;
        this.transcript = transcript;
    }

    OpenAIClient sync() {
        return sync;
    }

    OpenAIClientAsync async() {
        return async;
    }

    OpenAIClient notAudited() {
        return notAudited;
    }

    Transcript transcript() {
        return transcript;
    }
}
