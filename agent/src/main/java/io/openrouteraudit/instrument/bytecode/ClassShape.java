package io.openrouteraudit.instrument.bytecode;

import java.util.HashMap;
import java.util.Map;

/**
 * What a hook may need to know of the class it is written into: its name and the descriptors
 * of its fields, which differ between a library's versions (OkHttp's {@code Exchange.call} is a
 * {@code Call} in 3.x and a {@code RealCall} in 4.x and 5.x).
 */
public final class ClassShape {

    private final String internalName;
    private final Map<String, String> fieldDescriptors = new HashMap<>();

    ClassShape(String internalName) {
        this.internalName = internalName;
    }

    void field(String name, String descriptor) {
        fieldDescriptors.put(name, descriptor);
    }

    public String internalName() {
        return internalName;
    }

    /** @throws IllegalStateException when there is no such field: the class is not the shape the hook expects */
    public String fieldDescriptor(String name) {
        String descriptor = fieldDescriptors.get(name);
        if (descriptor == null) {
            throw new IllegalStateException(internalName + " has no field " + name);
        }
        return descriptor;
    }
}
