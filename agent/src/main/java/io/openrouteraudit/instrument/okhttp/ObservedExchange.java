package io.openrouteraudit.instrument.okhttp;

import io.openrouteraudit.capture.CaptureOutputStream;
import io.openrouteraudit.capture.ExchangeRecorder;

/**
 * One OkHttp network attempt being recorded, with the streams Okio copies its bytes into (Okio's
 * {@code Buffer.copyTo} writes to an {@code OutputStream}).
 */
public final class ObservedExchange {

    private final ExchangeRecorder recorder;
    private final CaptureOutputStream requestCopy;
    private final CaptureOutputStream responseCopy;

    public ObservedExchange(ExchangeRecorder recorder) {
        this.recorder = recorder;
        this.requestCopy = new CaptureOutputStream(recorder.requestBody());
        this.responseCopy = new CaptureOutputStream(recorder.responseBody());
    }

    public ExchangeRecorder recorder() {
        return recorder;
    }

    public CaptureOutputStream requestCopy() {
        return requestCopy;
    }

    public CaptureOutputStream responseCopy() {
        return responseCopy;
    }
}
