package io.openrouteraudit.instrument.bytecode;

/** One method of a class, named exactly: its name and JVM descriptor. */
public record MethodMatch(String name, String descriptor) {

    boolean matches(String methodName, String methodDescriptor) {
        return name.equals(methodName) && descriptor.equals(methodDescriptor);
    }
}
