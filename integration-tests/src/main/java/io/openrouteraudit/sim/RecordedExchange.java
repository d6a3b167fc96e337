package io.openrouteraudit.sim;

/**
 * One request the simulator received and what it answered.
 *
 * @param index the order in which exchanges completed in this simulator, from 1
 */
public record RecordedExchange(int index, ReceivedRequest request, SentResponse response) {
}
