"""Authors shikumi's bundled dataset zero-one.txt: handwritten 0 and 1 in 4x3 pixels (the book's 12-3-2 example).

Hand-drawn base forms, plus a gap in the ring of a 0, and a stray dot or a one-column shift of a 1;
deduplicated, shared images removed, picked with a fixed seed. Run: python3 tools/make_zero_one.py OUTDIR
"""
import os, sys
import random
Z = """
### #.# #.# ###
.#. #.# #.# .#.
### #.# #.# ##.
.## #.# #.# ###
##. #.# #.# .##
### #.# #.# .##
.## #.# #.# ##.
.#. #.# #.# ###
### #.# #.# .#.
##. #.# #.# ##.
"""
O = """
.#. .#. .#. .#.
#.. #.. #.. #..
..# ..# ..# ..#
##. .#. .#. .#.
.#. ##. .#. .#.
.#. .#. .#. ###
##. .#. .#. ###
..# .#. .#. .#.
.#. .#. .#. #..
.#. ##. .#. ###
.## ..# ..# ..#
##. .#. .#. .#.
#.. #.. #.. ##.
"""
def parse(block):
    return [tuple(tuple(1 if c=='#' else 0 for c in row) for row in line.split()) for line in block.strip().splitlines()]
bases={"0":parse(Z),"1":parse(O)}
def setp(img,r,c,v):
    rows=[list(x) for x in img]; rows[r][c]=v; return tuple(tuple(x) for x in rows)
def variants(k,img):
    out=[]
    H,W=4,3
    blk=[(r,c) for r in range(H) for c in range(W) if img[r][c]]
    if k=="0":
        for r,c in blk:
            if (r,c) in [(0,1),(3,1),(1,0),(2,0),(1,2),(2,2)]:
                g=setp(img,r,c,0)
                if all(any(row) for row in g):  # a gap, not a missing side
                    out.append(g)  # a gap in the ring
    else:
        for r in range(H):
            for c in range(W):
                if not img[r][c]:
                    nb=sum(img[rr][cc] for rr in range(max(0,r-1),min(H,r+2)) for cc in range(max(0,c-1),min(W,c+2)) if (rr,cc)!=(r,c))
                    if nb==0: out.append(setp(img,r,c,1))  # a stray dot
        # shift sideways
        for dx in (-1,1):
            ok=all(0<=c+dx<W for r,c in blk)
            if ok:
                im=tuple(tuple(1 if (0<=c-dx<W and img[r][c-dx]) else 0 for c in range(W)) for r in range(H))
                out.append(im)
    return out
rng=random.Random(3)
res={}
for k in "01":
    u=[];s=set()
    for b in bases[k]+[v for b in bases[k] for v in variants(k,b)]:
        if b not in s: s.add(b); u.append(b)
    res[k]=u
common=set(res["0"])&set(res["1"])
for k in "01":
    u=[x for x in res[k] if x not in common]
    nb=len(bases[k])
    rest=u[nb:]; rng.shuffle(rest)
    res[k]=(u[:nb]+rest)[:20]
    print(k,len(u),len(res[k]))
with open(os.path.join(sys.argv[1] if len(sys.argv) > 1 else ".", "zero-one.txt"),"w") as f:
    f.write("# labels: 0 1\n# zero-one: handwritten digits 0 and 1 in 4x3 pixels (12-3-2), authored for shikumi\n")
    for k in "01":
        for img in res[k]:
            f.write("\n"+k+"\n"+"\n".join("".join('#' if v else '.' for v in row) for row in img)+"\n")
