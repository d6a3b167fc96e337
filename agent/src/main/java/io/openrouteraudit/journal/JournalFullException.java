package io.openrouteraudit.journal;

import java.io.IOException;

/** The journal's file system has no room for the next record; the journal itself is intact. */
public final class JournalFullException extends IOException {

    private static final long serialVersionUID = 1L;

    JournalFullException(String message) {
        super(message);
    }
}
