package dev.tinyj.emulator.toolchain.tflite;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * A hand-laid TFLite flatbuffer whose one subgraph lists {@code tensors} tensors that all refer to
 * the same tensor table, whose shape is a vector of {@code dims} ones. Legal in the format; a naive
 * decoder reads tensors × dims values from a file of about 4 × (tensors + dims) bytes.
 *
 * <pre>
 * 0  root uoffset -> Model      4  "TFL3"
 * 8  Model table: soffset, version = 3, subgraphs uoffset
 * 20 subgraphs vector: 1, uoffset -> SubGraph
 * 28 SubGraph table: soffset, tensors uoffset
 * 36 tensors vector: n, n uoffsets -> the one Tensor
 * T  Tensor table: soffset, shape uoffset; T+8 shape vector: dims, dims × 1
 * V  vtables of Model (version, -, subgraphs), SubGraph (tensors), Tensor (shape)
 * </pre>
 */
final class AliasedModel {
    private AliasedModel() {
    }

    static byte[] bytes(int tensors, int dims) {
        int tensor = 40 + 4 * tensors;
        int vtables = tensor + 12 + 4 * dims;
        int vtModel = vtables;
        int vtSub = vtables + 10;
        int vtTensor = vtables + 16;
        ByteBuffer b = ByteBuffer.allocate(vtables + 24).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(0, 8).put(4, (byte) 'T').put(5, (byte) 'F').put(6, (byte) 'L').put(7, (byte) '3');
        b.putInt(8, 8 - vtModel).putInt(12, 3).putInt(16, 20 - 16);
        b.putInt(20, 1).putInt(24, 28 - 24);
        b.putInt(28, 28 - vtSub).putInt(32, 36 - 32);
        b.putInt(36, tensors);
        for (int i = 0; i < tensors; i++) {
            b.putInt(40 + 4 * i, tensor - (40 + 4 * i));
        }
        b.putInt(tensor, tensor - vtTensor).putInt(tensor + 4, 4).putInt(tensor + 8, dims);
        for (int i = 0; i < dims; i++) {
            b.putInt(tensor + 12 + 4 * i, 1);
        }
        b.putShort(vtModel, (short) 10).putShort(vtModel + 2, (short) 12).putShort(vtModel + 4, (short) 4)
                .putShort(vtModel + 6, (short) 0).putShort(vtModel + 8, (short) 8);
        b.putShort(vtSub, (short) 6).putShort(vtSub + 2, (short) 8).putShort(vtSub + 4, (short) 4);
        b.putShort(vtTensor, (short) 6).putShort(vtTensor + 2, (short) 8).putShort(vtTensor + 4, (short) 4);
        return b.array();
    }
}
