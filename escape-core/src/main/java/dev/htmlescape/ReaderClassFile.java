package dev.htmlescape;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the class file of a compiled {@link SlotReader}, byte by byte: the class is small and of
 * one fixed shape, which keeps the library free of a bytecode library. See {@link SlotReaders}.
 */
final class ReaderClassFile {

    /** A static method that loads every constant, so a constant that cannot be made fails at once. */
    static final String RESOLVE = "resolveConstants";
    private static final String COMPILED_NAME = "dev/htmlescape/CompiledSlotReader";
    private static final String SINK = "dev/htmlescape/SlotSink";
    private static final String METHOD_HANDLE = "java/lang/invoke/MethodHandle";

    private ReaderClassFile() {
    }

    /**
     * The class file of {@code final class CompiledSlotReader implements SlotReader} whose
     * {@code read} calls, for each slot {@code i},
     * {@code sink.readText(i, (String) getter_i.invokeExact(node))} or the same with
     * {@code readChild}. Its methods have no branch, so they need no stack map frames.
     */
    static byte[] of(FieldSlot[] slots) {
        ConstantPool pool = new ConstantPool();
        int thisClass = pool.classEntry(COMPILED_NAME);
        int objectClass = pool.classEntry("java/lang/Object");
        int readerInterface = pool.classEntry("dev/htmlescape/SlotReader");
        int objectInit = pool.methodEntry("java/lang/Object", "<init>", "()V");
        int readText = pool.interfaceMethodEntry(SINK, "readText", "(ILjava/lang/String;)V");
        int readChild = pool.interfaceMethodEntry(SINK, "readChild", "(ILjava/lang/Object;)V");
        int invokeText = pool.methodEntry(METHOD_HANDLE, "invokeExact",
                "(Ljava/lang/Object;)Ljava/lang/String;");
        int invokeChild = pool.methodEntry(METHOD_HANDLE, "invokeExact",
                "(Ljava/lang/Object;)Ljava/lang/Object;");
        int classDataAt = pool.staticMethodHandle("java/lang/invoke/MethodHandles", "classDataAt",
                "(Ljava/lang/invoke/MethodHandles$Lookup;Ljava/lang/String;Ljava/lang/Class;I)Ljava/lang/Object;");

        ByteArrayOutputStream code = new ByteArrayOutputStream();
        ByteArrayOutputStream resolve = new ByteArrayOutputStream();
        List<int[]> bootstraps = new ArrayList<>();
        for (int i = 0; i < slots.length; i++) {
            bootstraps.add(new int[] {classDataAt, pool.integerEntry(i)});
            int getter = pool.dynamicEntry(i, "_", "Ljava/lang/invoke/MethodHandle;");
            resolve.write(0x13); // ldc_w, then pop: resolves the constant
            writeShort(resolve, getter);
            resolve.write(0x57);
            boolean text = slots[i].readsText();
            code.write(0x2C); // aload_2: the sink
            pushInt(code, i);
            code.write(0x13); // ldc_w: the getter, a constant
            writeShort(code, getter);
            code.write(0x2B); // aload_1: the node
            code.write(0xB6); // invokevirtual MethodHandle.invokeExact
            writeShort(code, text ? invokeText : invokeChild);
            code.write(0xB9); // invokeinterface SlotSink.readText or readChild
            writeShort(code, text ? readText : readChild);
            code.write(3); // the argument slots: the sink, the int, the value
            code.write(0);
        }
        code.write(0xB1); // return
        resolve.write(0xB1);

        byte[] constructor = {0x2A, (byte) 0xB7, (byte) (objectInit >> 8), (byte) objectInit, (byte) 0xB1};
        int codeName = pool.utf8("Code");
        int initName = pool.utf8("<init>");
        int initType = pool.utf8("()V");
        int readName = pool.utf8("read");
        int readType = pool.utf8("(Ljava/lang/Object;L" + SINK + ";)V");
        int resolveName = pool.utf8(RESOLVE);
        int bootstrapName = pool.utf8("BootstrapMethods");

        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(bytes);
            out.writeInt(0xCAFEBABE);
            out.writeShort(0);
            out.writeShort(55); // Java 11: the first with dynamic constants
            pool.writeTo(out);
            out.writeShort(0x1030); // ACC_SYNTHETIC | ACC_SUPER | ACC_FINAL
            out.writeShort(thisClass);
            out.writeShort(objectClass);
            out.writeShort(1);
            out.writeShort(readerInterface);
            out.writeShort(0); // no fields
            out.writeShort(3);
            writeMethod(out, 0, initName, initType, codeName, 1, 1, constructor);
            writeMethod(out, 0x0001, readName, readType, codeName, 4, 3, code.toByteArray());
            writeMethod(out, 0x0008, resolveName, initType, codeName, 1, 0, resolve.toByteArray());
            out.writeShort(1);
            out.writeShort(bootstrapName);
            out.writeInt(2 + bootstraps.size() * 6);
            out.writeShort(bootstraps.size());
            for (int[] bootstrap : bootstraps) {
                out.writeShort(bootstrap[0]);
                out.writeShort(1);
                out.writeShort(bootstrap[1]);
            }
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException("a ByteArrayOutputStream does not fail", e);
        }
    }

    private static void writeMethod(DataOutputStream out, int access, int name, int descriptor,
            int codeName, int maxStack, int maxLocals, byte[] code) throws IOException {
        out.writeShort(access);
        out.writeShort(name);
        out.writeShort(descriptor);
        out.writeShort(1);
        out.writeShort(codeName);
        out.writeInt(12 + code.length);
        out.writeShort(maxStack);
        out.writeShort(maxLocals);
        out.writeInt(code.length);
        out.write(code);
        out.writeShort(0); // no exception handlers
        out.writeShort(0); // no attributes
    }

    private static void pushInt(ByteArrayOutputStream code, int value) {
        if (value <= 5) {
            code.write(0x03 + value); // iconst_<value>
        } else if (value <= Byte.MAX_VALUE) {
            code.write(0x10); // bipush
            code.write(value);
        } else {
            code.write(0x11); // sipush
            writeShort(code, value);
        }
    }

    private static void writeShort(ByteArrayOutputStream out, int value) {
        out.write(value >> 8);
        out.write(value);
    }

    /** A class file's constant pool, each entry written once. */
    private static final class ConstantPool {

        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final DataOutputStream out = new DataOutputStream(bytes);
        private final Map<String, Integer> indexes = new HashMap<>();
        private int count = 1;

        int utf8(String text) {
            return entry("utf8 " + text, out -> {
                out.writeByte(1);
                out.writeUTF(text);
            });
        }

        int integerEntry(int value) {
            return entry("int " + value, out -> {
                out.writeByte(3);
                out.writeInt(value);
            });
        }

        int classEntry(String internalName) {
            int name = utf8(internalName);
            return entry("class " + internalName, out -> {
                out.writeByte(7);
                out.writeShort(name);
            });
        }

        int methodEntry(String owner, String name, String descriptor) {
            return memberEntry(10, "method ", owner, name, descriptor);
        }

        int interfaceMethodEntry(String owner, String name, String descriptor) {
            return memberEntry(11, "interface method ", owner, name, descriptor);
        }

        private int memberEntry(int tag, String kind, String owner, String name, String descriptor) {
            int ownerClass = classEntry(owner);
            int nameAndType = nameAndType(name, descriptor);
            return entry(kind + owner + "." + name + descriptor, out -> {
                out.writeByte(tag);
                out.writeShort(ownerClass);
                out.writeShort(nameAndType);
            });
        }

        int staticMethodHandle(String owner, String name, String descriptor) {
            int method = methodEntry(owner, name, descriptor);
            return entry("handle " + owner + "." + name + descriptor, out -> {
                out.writeByte(15);
                out.writeByte(6); // REF_invokeStatic
                out.writeShort(method);
            });
        }

        int dynamicEntry(int bootstrapIndex, String name, String descriptor) {
            int nameAndType = nameAndType(name, descriptor);
            return entry("dynamic " + bootstrapIndex + " " + name + descriptor, out -> {
                out.writeByte(17);
                out.writeShort(bootstrapIndex);
                out.writeShort(nameAndType);
            });
        }

        private int nameAndType(String name, String descriptor) {
            int nameIndex = utf8(name);
            int descriptorIndex = utf8(descriptor);
            return entry("nameAndType " + name + descriptor, out -> {
                out.writeByte(12);
                out.writeShort(nameIndex);
                out.writeShort(descriptorIndex);
            });
        }

        private int entry(String key, EntryWriter writer) {
            Integer known = indexes.get(key);
            if (known != null) {
                return known;
            }
            try {
                writer.write(out);
            } catch (IOException e) {
                throw new IllegalStateException("a ByteArrayOutputStream does not fail", e);
            }
            int index = count++;
            if (index > 0xFFFF) {
                throw new IllegalStateException("more than 65535 constants");
            }
            indexes.put(key, index);
            return index;
        }

        void writeTo(DataOutputStream target) throws IOException {
            out.flush();
            target.writeShort(count);
            bytes.writeTo(target);
        }
    }

    @FunctionalInterface
    private interface EntryWriter {
        void write(DataOutputStream out) throws IOException;
    }
}
