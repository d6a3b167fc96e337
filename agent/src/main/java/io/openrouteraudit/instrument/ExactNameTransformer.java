package io.openrouteraudit.instrument;

import java.lang.instrument.ClassFileTransformer;
import java.security.ProtectionDomain;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Looks every loaded class up by exact internal name in a small table, and only for the few
 * that match does it parse and rewrite anything (with ASM, see instrument.bytecode). Start-up pays one hash lookup per
 * class and nothing else: no hierarchy scans, no type pools for classes we do not want.
 */
public final class ExactNameTransformer implements ClassFileTransformer {

    private final Map<String, ClassTransformation> byName;
    private final ClassLoader agentLoader;
    private final TransformListener listener;

    public interface TransformListener {
        void transformed(String className);

        void failed(String className, Throwable error);
    }

    public ExactNameTransformer(List<ClassTransformation> transformations, ClassLoader agentLoader,
                                TransformListener listener) {
        Map<String, ClassTransformation> table = new HashMap<>();
        for (ClassTransformation t : transformations) {
            table.put(t.internalName(), t);
        }
        this.byName = Map.copyOf(table);
        this.agentLoader = agentLoader;
        this.listener = listener;
    }

    @Override
    public byte[] transform(ClassLoader loader, String className, Class<?> classBeingRedefined,
                            ProtectionDomain protectionDomain, byte[] classfileBuffer) {
        if (className == null || loader == agentLoader) {
            return null;
        }
        ClassTransformation transformation = byName.get(className);
        if (transformation == null || !transformation.appliesTo(loader)) {
            return null;
        }
        try {
            byte[] result = transformation.transform(loader, classfileBuffer);
            if (result != null) {
                listener.transformed(className);
            }
            return result;
        } catch (Throwable t) {
            // The class loads unchanged: the application works, only unaudited.
            listener.failed(className, t);
            return null;
        }
    }

    public boolean handles(String binaryName) {
        return byName.containsKey(binaryName.replace('.', '/'));
    }
}
