/**
 * The agent's own small bytecode rewriter on plain ASM: a few calls to the bootstrap bridge at
 * a method's entry, before its returns and on its way out by an exception. Hooks never add
 * fields, methods or locals that outlive the prologue, so the same bytes serve a first load
 * and a retransformation, and the method's own stack map frames stay valid as they are.
 */
package io.openrouteraudit.instrument.bytecode;
