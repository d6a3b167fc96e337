/**
 * Redaction of personal data and secrets, and keyed hashing of prompts, completions and keys.
 *
 * <p>{@link io.openrouteraudit.redact.Redactor} runs every enabled rule in one left-to-right pass:
 * at each position a per-character table says which rules could start there, and only those
 * rules' hand-written matchers (or, for user rules, a lazily advanced regex search) are tried.
 * {@link io.openrouteraudit.redact.KeyedHasher} computes the HMAC-SHA256 identifiers and
 * {@link io.openrouteraudit.redact.HashKeyStore} finds or creates the key behind them.
 *
 * <p>Everything here uses only {@code java.*} and {@code javax.crypto}: it runs inside the
 * audited application, where any third-party class could clash with the application's own.
 */
package io.openrouteraudit.redact;
