package io.openrouteraudit.instrument.bytecode;

import java.util.List;

/**
 * One method of a class by exact name and JVM descriptor; a library whose versions differ in
 * one parameter may list each version's descriptor (a class has only one of them).
 */
public record MethodMatch(String name, List<String> descriptors) {

    public static MethodMatch of(String name, String descriptor) {
        return new MethodMatch(name, List.of(descriptor));
    }

    public static MethodMatch anyOf(String name, String... descriptors) {
        return new MethodMatch(name, List.of(descriptors));
    }

    boolean matches(String methodName, String methodDescriptor) {
        return name.equals(methodName) && descriptors.contains(methodDescriptor);
    }
}
