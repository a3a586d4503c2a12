package dev.tinyj.conformance.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import probe.bad.FieldTypes;
import probe.bad.InstanceField;
import probe.bad.NewObject;
import probe.bad.ObjectArrays;
import probe.bad.SystemOut;
import probe.bad.TypeChecks;

/** Objects are outside the subset: instances, object arrays, instance members, type checks. */
class ObjectRulesTest {
    private static final String PRIMITIVES = ": use primitives and one-dimensional primitive arrays";

    @Test
    void newConstructorAndInstanceCallAreRejected() throws Exception {
        assertEquals(List.of(
                "probe/bad/NewObject.java:8: error: object instance (new java/lang/Object): use static fields and"
                        + " primitive arrays (NewObject.loop()V, bytecode 0)",
                "probe/bad/NewObject.java:8: error: constructor call (invokespecial java/lang/Object.<init>()V): use"
                        + " static fields and primitive arrays (NewObject.loop()V, bytecode 4)",
                "probe/bad/NewObject.java:9: error: instance method call (invokevirtual java/lang/Object.hashCode()I):"
                        + " firmware has no objects: use static methods (NewObject.loop()V, bytecode 9)"),
                Probes.verify(NewObject.class).messages());
    }

    @Test
    void multiDimensionalAndObjectArraysAreRejected() throws Exception {
        String at = " (ObjectArrays.loop()V, bytecode ";
        assertEquals(List.of(
                "probe/bad/ObjectArrays.java:8: error: multi-dimensional array (multianewarray [[I): use a"
                        + " one-dimensional primitive array and index arithmetic" + at + "2)",
                "probe/bad/ObjectArrays.java:9: error: object array (anewarray [I): use one-dimensional primitive"
                        + " arrays" + at + "8)",
                "probe/bad/ObjectArrays.java:10: error: object array element (aaload): use one-dimensional"
                        + " primitive arrays" + at + "16)",
                "probe/bad/ObjectArrays.java:10: error: object array element (aastore): use one-dimensional"
                        + " primitive arrays" + at + "17)"),
                Probes.verify(ObjectArrays.class).messages());
    }

    @Test
    void instanceFieldsAndObjectParametersAreRejected() throws Exception {
        String bump = "InstanceField.bump(Lprobe/bad/InstanceField;)V";
        assertEquals(List.of(
                "probe/bad/InstanceField.java:14: error: object parameter or return (Lprobe/bad/InstanceField;)"
                        + PRIMITIVES + " (" + bump + ")",
                "probe/bad/InstanceField.java:14: error: instance field (getfield probe/bad/InstanceField.value):"
                        + " use static fields (" + bump + ", bytecode 2)",
                "probe/bad/InstanceField.java:14: error: instance field (putfield probe/bad/InstanceField.value):"
                        + " use static fields (" + bump + ", bytecode 7)"),
                Probes.verify(InstanceField.class).messages());
    }

    @Test
    void instanceofAndCheckcastAreRejected() throws Exception {
        assertEquals(List.of(
                "probe/bad/TypeChecks.java:11: error: type check (instanceof [I): firmware has no objects"
                        + " (TypeChecks.loop()V, bytecode 5)",
                "probe/bad/TypeChecks.java:12: error: type check (checkcast [I): firmware has no objects"
                        + " (TypeChecks.loop()V, bytecode 12)"),
                Probes.verify(TypeChecks.class).messages());
    }

    @Test
    void systemOutAndInterfaceCallsAreRejected() throws Exception {
        String run = "SystemOut.run(Ljava/lang/Runnable;)V";
        assertEquals(List.of(
                "probe/bad/SystemOut.java:8: error: field outside the image: java/lang/System.out: print with"
                        + " Serial.print (SystemOut.loop()V, bytecode 0)",
                "probe/bad/SystemOut.java:8: error: instance method call (invokevirtual"
                        + " java/io/PrintStream.println(I)V): print with Serial.print (SystemOut.loop()V, bytecode 5)",
                "probe/bad/SystemOut.java:13: error: object parameter or return (Ljava/lang/Runnable;)" + PRIMITIVES
                        + " (" + run + ")",
                "probe/bad/SystemOut.java:13: error: instance method call (invokeinterface"
                        + " java/lang/Runnable.run()V): firmware has no objects: use static methods (" + run
                        + ", bytecode 1)"),
                Probes.verify(SystemOut.class).messages());
    }

    @Test
    void staticFieldsMustBePrimitiveOrPrimitiveArrays() throws Exception {
        assertEquals(List.of(
                "probe/bad/FieldTypes.java:0: error: object field FieldTypes.name (Ljava/lang/String;)" + PRIMITIVES
                        + " (field FieldTypes.name)",
                "probe/bad/FieldTypes.java:0: error: object array field FieldTypes.slots ([Ljava/lang/Object;)"
                        + PRIMITIVES + " (field FieldTypes.slots)",
                "probe/bad/FieldTypes.java:10: error: multi-dimensional array field FieldTypes.grid ([[J)"
                        + PRIMITIVES + " (FieldTypes.setup()V, bytecode 0)"),
                Probes.verify(FieldTypes.class).messages());
    }
}
