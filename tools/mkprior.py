import re,sys
base='boards/src/main/resources/dev/tinyj/boards/cores/'
def make(core, sets, forms, header):
    src=open(base+core+'.costs').read().split('\n')
    out=[]
    seen=set()
    # drop old header comment block (until costs.calibrated)
    i=0
    while not src[i].startswith('costs.calibrated'):
        i+=1
    out.extend(header.strip('\n').split('\n'))
    out.append('costs.calibrated = false')
    for line in src[i+1:]:
        m=re.match(r'((?:op|extra)\.[a-z0-9_]+) = (\d+)(\s*#.*)?$',line)
        if m and m.group(1) in sets:
            k=m.group(1); v=sets[k]
            c=(v[1] if isinstance(v,tuple) and v[1] else '') if isinstance(v,tuple) else (m.group(3) or '').strip()
            if isinstance(v,tuple) and not v[1]: c=''
            val=v[0] if isinstance(v,tuple) else v
            line=f'{k} = {val}' + ((' '*max(1,27-len(f"{k} = {val}")) + ('# '+c.lstrip('# ') if c else '')) if c else '')
            seen.add(k)
        out.append(line.rstrip())
    missing=set(sets)-seen
    assert not missing, missing
    out.append('')
    out.append('# --- forms chosen by the cost model (docs/cost-model.md); a missing form falls back to its mnemonic ---')
    for k,v in forms:
        if isinstance(v,tuple) and v[1]:
            out.append(f'{k} = {v[0]}'.ljust(27)+'# '+v[1])
        elif isinstance(v,tuple):
            out.append(f'{k} = {v[0]}')
        else:
            out.append(f'{k} = {v}')
    open(base+core+'.prior','w').write('\n'.join(out).rstrip('\n')+'\n')

avr_header='''# PRIOR cycle costs for the AVR8 core, in CPU cycles: the datasheet-derived starting point that
# calibration fits from (docs/cost-model.md). The shipped table, avr8.costs, is generated from this
# file by `./tinyj calibrate --write-costs` and must not be edited by hand.
#
# Sources for the instruction timings used below:
#   [ISA]  AVR Instruction Set Manual (Microchip DS40002198): ADD/ADC/SUB/SBC/AND/OR/EOR/COM/
#          NEG/LDI/MOV/MOVW/CP/CPC/CPI 1 cycle; LD/LDD/ST/STD/LDS/STS 2; LPM 3; MUL/MULS/MULSU 2;
#          branch 1 not taken, 2 taken; RJMP 2; JMP 3; IJMP 2; CALL 4; RCALL 3; RET 4;
#          PUSH/POP 2; ADIW/SBIW 2.
#   [DS]   ATmega328P datasheet (Atmel-8271): no hardware divide; ADC conversion 13 ADC clocks.
#   [GCC]  avr-gcc 5.4 / libgcc: 32x32 multiply, widening 16x16->32 multiply, all division, 64-bit
#          shifts, compares and multiplies, and all float ops are library calls (see
#          ../shared/calib/results_detail.csv for the helpers the calibration kernels call).
#
# Execution model: ahead-of-time compiled, as avr-gcc -O2 compiles C: values and locals in
# registers, each operation at the width the type-width analysis finds (forms .w8/.w16), small
# loop-free helpers inlined, array indices 16 bits (AVR pointers), no bounds checks where the C has
# none. Each bytecode is still priced on its own.'''
avr_sets={
 'op.iconst_m1':(0,'an immediate operand (LDI/SUBI/CPI)'),'op.iconst_0':0,'op.iconst_1':0,'op.iconst_2':0,'op.iconst_3':0,'op.iconst_4':0,'op.iconst_5':0,
 'op.bipush':0,'op.sipush':0,'op.ldc':2,'op.ldc_w':2,'op.aconst_null':0,
 'op.iload':(0,'locals live in registers'),'op.iload_0':0,'op.iload_1':0,'op.iload_2':0,'op.iload_3':0,
 'op.istore':0,'op.istore_0':0,'op.istore_1':0,'op.istore_2':0,'op.istore_3':0,
 'op.astore':0,'op.astore_0':0,'op.astore_1':0,'op.astore_2':0,'op.astore_3':0,
 'op.aload':0,'op.aload_0':0,'op.aload_1':0,'op.aload_2':0,'op.aload_3':0,
 'op.lload':2,'op.lload_0':2,'op.lload_1':2,'op.lload_2':2,'op.lload_3':2,
 'op.lstore':2,'op.lstore_0':2,'op.lstore_1':2,'op.lstore_2':2,'op.lstore_3':2,
 'op.iaload':(11,'index x4 (LSL/ROL 4) + base (ADD/ADC 2) + MOVW + 4 x LDD 8, rounded down for reuse'),
 'op.baload':(5,'base + 16-bit index (ADD/ADC 2) + MOVW 1 + LD 2'),
 'op.saload':(7,'index x2 2 + base 2 + MOVW 1 + 2 x LDD 4, less reuse'),
 'op.caload':(7,None),
 'op.iastore':(11,None),'op.bastore':(5,None),'op.sastore':(7,None),'op.castore':(7,None),
 'op.dup':1,
 'op.ishl':(8,'32-bit shift by a constant: byte moves + about 1.5 single-bit steps of 4 byte-ops'),
 'op.ishr':8,'op.iushr':8,
 'op.imul':(60,'__mulsi3 with CALL/RET and argument moves [GCC]'),
 'op.lmul':(300,'__muldi3 [GCC]'),
 'op.idiv':(600,None),'op.irem':(600,None),
 'op.ldiv':(2500,'__divdi3: 64 shift-subtract steps [GCC]'),'op.lrem':(2500,None),
 'op.ladd':(12,'__adddi3-style 8-byte add'),'op.lsub':12,
 'op.lshl':(40,'__ashldi3 by a constant'),'op.lshr':40,'op.lushr':40,
 'op.lcmp':(20,'__cmpdi2 then -1/0/1'),
 'op.i2l':(4,'sign fill of the high 4 bytes'),
 'op.i2b':(1,'truncation is free; the sign fill is paid where the value is used wide'),
 'op.i2s':(1,None),'op.i2c':(1,None),
 'op.goto':(2,'RJMP'),
 'op.arraylength':(4,None),
 'extra.array_bounds_check':(0,'not charged: the execution model compiles array accesses as the C does, without checks (the emulator still faults on a bad index)'),
 'extra.array_load_flash':(2,'per element byte: LPM 3 vs LD 2, plus moving the address into Z'),
}
avr_forms=[
 ('op.iadd.w16',(2,'ADD + ADC')),('op.iadd.w8',(1,'ADD')),
 ('op.isub.w16',2),('op.isub.w8',1),
 ('op.iand.w16',2),('op.iand.w8',1),('op.ior.w16',2),('op.ior.w8',1),('op.ixor.w16',2),('op.ixor.w8',1),
 ('op.ineg.w16',(3,'COM + NEG + SBCI')),('op.ineg.w8',1),
 ('op.ishl.w16',4),('op.ishl.w8',2),('op.ishr.w16',4),('op.ishr.w8',2),('op.iushr.w16',4),('op.iushr.w8',2),
 ('op.ishl.var',(45,'loop of single-bit steps, about 8 bits on average x 5 cycles + set-up')),
 ('op.ishr.var',45),('op.iushr.var',45),
 ('op.ishl.var.w16',25),('op.ishr.var.w16',25),('op.iushr.var.w16',25),
 ('op.lshl.var',(120,'__ashldi3')),('op.lshr.var',120),('op.lushr.var',120),
 ('op.imul.w8',(3,'MULS 2 + MOVW 1 [ISA]')),
 ('op.imul.w16',(8,'3 x MUL(SU) 6 + 2 ADD: 16x16 into 16 bits inline')),
 ('op.imul.w16x16',(40,'__mulhisi3 call with argument moves: 16x16 into 32 [GCC]')),
 ('op.imul.w32x16',(45,'__muluhisi3/__mulohisi3 calls: 32x16 into 32 [GCC]')),
 ('op.imul.const',(8,'shifts and adds for a constant factor')),
 ('op.imul.const.w16',4),('op.imul.const.w8',2),
 ('op.idiv.w16',(220,'__divmodhi4 [GCC]')),('op.irem.w16',220),
 ('op.idiv.pow2',(12,'sign fix (SBRC + SUBI/SBCI x 4) + shift')),('op.irem.pow2',10),
 ('op.idiv.pow2.w16',(7,None)),('op.irem.pow2.w16',6),('op.idiv.pow2.w8',4),('op.irem.pow2.w8',4),
 ('op.lmul.w32',(200,'__mulsidi3: 32x32 into 64 [GCC]')),
 ('op.ldiv.pow2',(150,'sign fix with __adddi3 + __ashrdi3/__lshrdi3 by the power [GCC]')),('op.lrem.pow2',150),
 ('op.baload.seq',(2,'LD X+: the compiler walks the array with a pointer')),('op.bastore.seq',(2,'ST Z+')),
 ('op.saload.seq',4),('op.caload.seq',4),('op.sastore.seq',4),('op.castore.seq',4),('op.iaload.seq',8),('op.iastore.seq',8),
 ('op.iadd.seq',(0,'folded into the pointer increment')),('op.goto.sel',(2,'RJMP over the other arm of a ternary')),('op.iinc.w16',(2,'ADIW on a 16-bit induction variable')),('op.iinc.seq',(0,'eliminated: the pointers of its .seq accesses step instead')),
 ('op.i2b.fits',(0,'already 8 bits: no code')),('op.i2s.fits',0),('op.i2c.fits',0),
 ('op.if_icmpeq.w16',(3,'CP + CPC + BRxx')),('op.if_icmpne.w16',3),('op.if_icmplt.w16',3),('op.if_icmpge.w16',3),('op.if_icmpgt.w16',3),('op.if_icmple.w16',3),
 ('op.if_icmpeq.w8',(2,'CP + BRxx')),('op.if_icmpne.w8',2),('op.if_icmplt.w8',2),('op.if_icmpge.w8',2),('op.if_icmpgt.w8',2),('op.if_icmple.w8',2),
 ('op.ifeq.w16',3),('op.ifne.w16',3),('op.iflt.w16',2),('op.ifge.w16',2),('op.ifgt.w16',3),('op.ifle.w16',3),
 ('op.ifeq.w8',2),('op.ifne.w8',2),('op.iflt.w8',2),('op.ifge.w8',2),('op.ifgt.w8',2),('op.ifle.w8',2),
]
conds=['eq','ne','lt','ge','gt','le']
for w,c in [('',6),('.w16',4),('.w8',3)]:
    for cond in conds:
        avr_forms.append((f'op.if_icmp{cond}{w}.seq',(2,'the loop test of an eliminated induction variable: CP/CPC of two pointers; the branch is the back-edge') if cond=='eq' and w=='' else 2))
        avr_forms.append((f'op.if_icmp{cond}{w}.sel',(c,'a select: compare, one branch over a move, about half taken') if cond=='eq' and w=='' else c))
        avr_forms.append((f'op.if{cond}{w}.sel',c))
make('avr8',avr_sets,avr_forms,avr_header)

m4_header='''# PRIOR cycle costs for the Arm Cortex-M4F core, in CPU cycles: the datasheet-derived starting
# point that calibration fits from (docs/cost-model.md). The shipped table, cortex-m4.costs, is
# generated from this file by `./tinyj calibrate --write-costs` and must not be edited by hand.
#
# Sources for the instruction timings used below:
#   [TRM]  Arm Cortex-M4 Technical Reference Manual, "Cortex-M4 instruction set summary":
#          ALU/MOV/CMP 1 cycle; MUL/MLA/MLS/UMULL/SMULL 1; SDIV/UDIV 2-12 (7 used here);
#          LDR 2 (1 when pipelined back-to-back), LDRD 3; STR 1, STRD 3; B taken 1+P, with the
#          pipeline refill P = 1..3 (2 used here); BL 1+P; PUSH/POP 1+N, POP with PC 1+N+P;
#          TBB/TBH 2+P; CLZ 1.
#   [FPU]  Cortex-M4 TRM, FPU instruction timings: VADD/VSUB/VMUL/VNEG/VABS/VCVT/VCMP/VMOV 1;
#          VLDR/VSTR 2; VDIV 14.
#   [GCC]  arm-none-eabi-gcc / libgcc: 64-bit division and long<->float are library calls.
#
# Execution model: ahead-of-time compiled Thumb-2, as arm-none-eabi-gcc -O2 compiles C: values and
# locals in registers (loads and stores of locals are free), small loop-free helpers inlined, no
# bounds checks where the C has none. Widths do not matter on a 32-bit core except for narrowing
# conversions (.fits) and power-of-two division. Flash wait states are taken as hidden by the ART
# accelerator / cache (a per-MCU file may override any entry).'''
m4_sets={}
for k in ['iload','fload','aload','istore','fstore','astore']:
    m4_sets['op.'+k]=0
    for n in range(4): m4_sets[f'op.{k}_{n}']=0
for k in ['lload','lstore']:
    m4_sets['op.'+k]=0
    for n in range(4): m4_sets[f'op.{k}_{n}']=0
m4_sets.update({'op.iaload':(2,'LDR with a register offset'),'op.baload':(2,'LDRSB'),'op.saload':(2,'LDRSH'),'op.caload':(2,'LDRH'),
 'op.iastore':(1,'STR'),'op.bastore':(1,'STRB'),'op.sastore':(1,None),'op.castore':(1,None),
 'op.dup':0,
 'extra.array_bounds_check':(0,'not charged: the execution model compiles array accesses as the C does, without checks (the emulator still faults on a bad index)'),
 'op.iconst_m1':(0,'an immediate operand'),'op.iconst_0':0,'op.iconst_1':0,'op.iconst_2':0,'op.iconst_3':0,'op.iconst_4':0,'op.iconst_5':0,'op.bipush':0,
 'op.lmul':(3,'UMULL + 2 x MLA'),
 'op.lconst_0':(1,'MOVS into a register pair, or folded into an immediate'),'op.lconst_1':1,'op.ldc2_w':(1,'folded into ADDS/ADC immediates'),
 'op.lcmp':(2,'CMP + SBCS feeding the branch or select'),
 'op.ldiv':(100,'__aeabi_ldivmod (rough)'),'op.lrem':100,
})
m4_forms=[
 ('op.idiv.pow2',(3,'ASR + ADD sign fix')),('op.irem.pow2',3),
 ('op.lmul.w32',(1,'SMULL')),
 ('op.ldiv.pow2',(4,'64-bit sign fix + shift (ASRS/ADC/LSR/ORR)')),('op.lrem.pow2',5),
 ('op.baload.seq',(2,'LDRSB with post-increment')),('op.goto.sel',(0,'no jump: the ternary is an IT block')),('op.iadd.seq',(0,'folded into the post-increment')),('op.iinc.seq',(0,'eliminated: the pointers of its .seq accesses step instead')),
 ('op.i2b.fits',(0,'already 8 bits: no SXTB')),('op.i2s.fits',0),('op.i2c.fits',0),
 ('op.imul.const',(1,'MUL or shift-add')),
]
for cond in conds:
    m4_forms.append((f'op.if_icmp{cond}.seq',(1,'loop test of an eliminated induction variable: CMP of two pointers') if cond=='eq' else 1))
    m4_forms.append((f'op.if_icmp{cond}.sel',(2,'CMP + IT-block move: no branch') if cond=='eq' else 2))
    m4_forms.append((f'op.if{cond}.sel',2))
make('cortex-m4',m4_sets,m4_forms,m4_header)
