package dev.tinyj.conformance.hostile;

import java.util.Set;

/**
 * The hostile cases {@link HostileCorpusTest} asserts while {@link HostileCorpusTest#ASSERT_ALL}
 * is off: those answered cleanly on main before issue 12's defences (so they may not regress).
 * Once the defences are merged, set {@code ASSERT_ALL} and delete this file.
 */
final class ExpectedClean {
    private ExpectedClean() {
    }

    static final Set<String> CASES = Set.of(
            "clinit/callsItself", "clinit/deepRecursion", "clinit/divideByZero", "clinit/endlessIsLegal",
            "clinit/mutualIsLegal", "clinit/native", "clinit/returnsInt", "clinit/withArgument",
            "clinit/writesOtherClassFinal", "control/breakpointOpcode", "control/endlessLoopIsLegal",
            "control/gotoBeforeStart", "control/gotoPastEnd", "control/gotoWFar", "control/impdep1Opcode",
            "control/jsrRet", "control/lookupswitchNegativeCount", "control/lookupswitchUnsorted",
            "control/tableswitchHugeRange", "control/tableswitchLowAboveHigh", "control/tableswitchTargetOutside",
            "control/unusedOpcode", "control/wideLast", "exceptions/athrowInt", "exceptions/athrowNull",
            "exceptions/catchAnyFinally", "exceptions/catchArithmetic", "exceptions/catchTypeHalClass",
            "exceptions/catchTypeIndexHuge", "exceptions/catchTypeNotClass", "exceptions/emptyRange",
            "exceptions/endPastCode", "exceptions/fiveThousandHandlers", "exceptions/handlerIsItsOwnRange",
            "exceptions/handlerMidInstruction", "exceptions/handlerOutsideCode", "exceptions/startAfterEnd",
            "host/classForName", "host/emptyClassName", "host/halClassMissing", "host/halMethodMissing",
            "host/mainParentDir", "host/mathRandom", "host/methodHandlesLookup", "host/nulInClassName",
            "host/runtimeGetRuntime", "host/systemExit", "host/systemGetenv", "host/threadSleep",
            "host/trailingSlash", "locals/maxLocalsHuge", "locals/wideOfNonLocalOp", "newarray/allocationEveryLoop",
            "newarray/anewarrayObject", "newarray/atype0", "newarray/atype12", "newarray/atype255",
            "newarray/atype3", "newarray/booleanIsLegal", "newarray/doubleArray", "newarray/maxValueLongs",
            "newarray/multianewarray2", "newarray/multianewarrayZeroDims", "newarray/negativeSize",
            "newarray/storePastEnd", "newarray/truncatedOperand", "pool/classNameIsInteger",
            "pool/getstaticOfMethodRef", "pool/invokestaticInit", "pool/invokestaticInterfaceRef",
            "pool/invokestaticOfFieldRef", "pool/ldc2wSecondSlot", "pool/ldcFloatIsLegal", "pool/ldcIndexPastCount",
            "pool/ldcIndexZero", "pool/ldcOfClass", "pool/ldcOfUtf8", "pool/malformedUtf8",
            "pool/methodDescriptorUnclosed", "pool/methodRefWithFieldDescriptor", "pool/ownerClassMissing",
            "pool/poolCountHuge", "pool/stringOfInteger", "pool/superIndexHuge", "pool/thisClassIsUtf8",
            "pool/truncatedInPool", "sizes/attributeLengthLies", "sizes/codeLengthLies", "sizes/methodName65535",
            "sizes/progmemNegative", "sizes/recursionHugeFrames", "sizes/staticArrayMillion", "sizes/string65535",
            "sizes/fiveThousandLongFields", "stack/deepStack3000", "stack/leftoverOnReturnIsLegal",
            "stack/maxStackHuge", "stackmap/entriesHuge", "stackmap/fullFrameStackHuge",
            "stackmap/garbageInVersion49IsIgnored", "stackmap/offsetPastCode", "stackmap/reservedFrameType",
            "stackmap/truncated", "stackmap/validFramesAreLegal", "structure/accessFlagsAllSet",
            "structure/getstaticOfInstanceField",
            "structure/interfaceMain", "structure/loopMissing", "structure/nativeLoop",
            "structure/sameNameTwoDescriptors", "structure/setupNotStatic",
            "structure/staticFieldThroughSubclass", "structure/superclassHal", "structure/superclassInterface",
            "structure/superclassMissing", "structure/superclassZero", "structure/thisClassMismatch",
            "structure/version44", "structure/version70", "types/stringAsInt");
}
