package io.openrouteraudit.redact;

/**
 * The text the redaction benchmark ({@code HotPathBenchmark.redact2k}) runs over: support-ticket
 * prose holding an e-mail address, a phone number, a card, an IBAN and an IP address per five
 * lines. Kept alike here so the tests check exactly what the benchmark measures.
 */
final class SupportTicketProse {

    private static final String[] LINES = {
        "Customer jane.doe@example.com called from +44 20 7946 0958 about invoice 4411. ",
        "She paid with card 4111 1111 1111 1111 and asked for a refund to DE89 3704 0044 0532 0130 00. ",
        "The ticket was escalated from 10.20.30.40 by the billing team on Tuesday afternoon. ",
        "Please summarise the conversation below in two sentences, without any personal data. ",
        "Agent notes: the plan change happened mid-cycle, so the pro-rata charge doubled once. ",
    };

    private SupportTicketProse() {
    }

    /** The first {@code length} characters of the lines repeated. */
    static String of(int length) {
        StringBuilder text = new StringBuilder(length + 128);
        for (int i = 0; text.length() < length; i++) {
            text.append(LINES[i % LINES.length]);
        }
        return text.substring(0, length);
    }
}
