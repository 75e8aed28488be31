"""Authors shikumi's bundled datasets aple.txt, aple-test.txt (5x4 letters A P L E).

The book's appendix data are not available to us, so these letters are our own: hand-drawn base forms of
each letter (below, one image per line, rows separated by spaces) and letter-preserving variations of them
(a one-column shift, a gap in a stroke, a shorter bar, a stray dot away from the strokes), deduplicated,
with any image that two letters share removed, and picked with a fixed seed. Rules drop variations a reader
would misread (a dot at a P's lower right reads as R, a dot between an E's bars closes a bowl like P, ...).
Run: python3 tools/make_datasets.py OUTDIR (writes aple.txt, aple-test.txt there).
"""
import random
A = """
.##. #..# #### #..# #..#
.#.. #.#. ###. #.#. #.#.
..#. .#.# .### .#.# .#.#
.##. #..# #..# #### #..#
#### #..# #### #..# #..#
..#. .#.# .### #..# #..#
.#.. #.#. #.#. ###. #.#.
..## .#.# #### #..# #..#
.##. #..# #### #..# #...
.##. #..# #### #..# ...#
.#.. ###. #.#. #.#. #.#.
.##. #..# ##.# #..# #..#
"""
P = """
###. #..# ###. #... #...
###. #..# #..# ###. #...
##.. #.#. ##.. #... #...
.### .#.# .### .#.. .#..
#### #..# #### #... #...
.##. #..# ###. #... #...
###. #..# ##.. #... #...
##.. #.#. #.#. ##.. #...
###. #.#. ###. #... #...
###. #..# #.#. ##.. #...
###. #..# ###. #... ##..
###. #.#. #.#. ###. #...
.##. #..# #.#. ##.. #...
#### #..# ###. #... #...
##.. #.#. ##.. #... ##..
.##. .#.# .##. .#.. .#..
"""
L = """
#... #... #... #... ####
#... #... #... #... ###.
.#.. .#.. .#.. .#.. .###
#... #... #... #... ##..
##.. ##.. ##.. ##.. ####
#... #... #... ##.. .###
.#.. .#.. .#.. .#.. .##.
..#. .#.. .#.. .#.. .###
#... #... #... #.## ##..
#... #... #... #... #.##
"""
E = """
#### #... #### #... ####
#### #... ###. #... ####
###. #... ###. #... ###.
.### .#.. .### .#.. .###
#### #... ##.. #... ####
###. #... ##.. #... ###.
#### #... #### #... ###.
###. #... #### #... ####
.### #... #### #... .###
#### ##.. ###. ##.. ####
##.. #... ##.. #... ##..
#### #... ###. #... ###.
.### .#.. .##. .#.. .###
###. #... ###. #... ####
..## .#.. .### .#.. .###
"""
def parse(block):
    if not block.strip(): return []
    return [tuple(tuple(1 if c=='#' else 0 for c in row) for row in line.split()) for line in block.strip().splitlines()]
bases = {k: parse(v) for k,v in zip("APLE",[A,P,L,E])}
def shift(img, dx):
    out=[]
    for row in img:
        r=[0]*4
        for c,v in enumerate(row):
            if v:
                if not 0<=c+dx<4: return None
                r[c+dx]=1
        out.append(tuple(r))
    return tuple(out)
def black(img): return [(r,c) for r in range(5) for c in range(4) if img[r][c]]
def setp(img,r,c,v):
    rows=[list(x) for x in img]; rows[r][c]=v; return tuple(tuple(x) for x in rows)
def neighbors(img,r,c):
    return sum(img[rr][cc] for rr in range(max(0,r-1),min(5,r+2)) for cc in range(max(0,c-1),min(4,c+2)) if (rr,cc)!=(r,c))
def variants(img, k):
    out=[]
    for dx in (-1,1):
        s=shift(img,dx)
        if s and not (k == "L" and min(c for r, c in black(s)) >= 2):
            out.append(("shift",s))  # (an L pushed to the right edge is left out: too thin to read)
    # gap: remove a pixel that is inside a vertical run (black above and below) -> stroke gap
    for r,c in black(img):
        if k == "E" or (k == "P" and r < 3):
            continue
        if 0<r<4 and img[r-1][c] and img[r+1][c] and not (img[r][c-1] if c>0 else 0) and not (img[r][c+1] if c<3 else 0):
            out.append(("gap",setp(img,r,c,0)))
    # shorter stroke: drop the end pixel of a horizontal bar (bar stays 2+ long, nothing above or below it)
    for r,c in black(img):
        if c>=2 and img[r][c-1] and img[r][c-2] and (c==3 or not img[r][c+1]) \
                and not (r>0 and img[r-1][c]) and not (r<4 and img[r+1][c]):
            out.append(("short",setp(img,r,c,0)))
    # stray: add a pixel with no black neighbour... allow at most 1 neighbour, in rows 0/4 corners region
    for r in range(5):
        for c in range(4):
            if k == "P" and r >= 3 and c >= 2:
                continue  # a dot at the lower right of a P reads as the leg of an R
            if (k == "E" and r in (1, 3) and c >= 2) or (k == "L" and r == 0):
                continue  # closes a bowl of an E (reads as P), or tops an L (reads as A)
            if not img[r][c] and neighbors(img,r,c)==0:
                out.append(("stray",setp(img,r,c,1)))
    return out
# aple-test only: variations that a reader would not read as the letter (kept out of the test set; aple is unchanged)
REJECT_TEST = {
    "A": parse("""
#### #..# #### #... #..#
.##. #..# #### ...# #...
"""),  # an R (flat-topped A with a gap in its right leg); an A with both legs broken
    "L": parse("""
.#.. .#.. .... .#.. .##.
"""),  # a short-footed L with a gap reads as i
}
def rejected_in_test(k, img): return img in REJECT_TEST.get(k, [])
EXTRA_TEST = {
    "A": """
..#. .#.# #### #..# #..#
.#.. #.#. ###. #.#. #..#
..#. .#.# #..# #### #..#
""",
    "P": """
#### #..# #### #... ##..
.##. #..# ###. #... ##..
.### .#.# .### .#.. .##.
""",
    "L": """
##.. ##.. ##.. ##.. ###.
""",
    "E": "",
}
rng=random.Random(7)
train={}; test={}; seen={}
allimgs={}
for k in "APLE":
    cands=[]
    for b in bases[k]:
        cands.append(("base",b))
    for b in bases[k]:
        for kind,v in variants(b,k):
            cands.append((kind,v))
    uniq=[];s=set()
    for kind,v in cands:
        if v not in s: s.add(v); uniq.append((kind,v))
    allimgs[k]=uniq
# remove cross-label duplicates
owner={}
for k in "APLE":
    for kind,v in allimgs[k]:
        owner.setdefault(v,set()).add(k)
for k in "APLE":
    allimgs[k]=[(kind,v) for kind,v in allimgs[k] if len(owner[v])==1]
for k in "APLE":
    items=allimgs[k]
    base=[x for x in items if x[0]=="base"]
    shifts=[x for x in items if x[0]=="shift"]
    others=[x for x in items if x[0] in("gap","stray","short")]
    rng.shuffle(shifts); rng.shuffle(others)
    pool=base+shifts[:6]
    rest=[x for x in others]
    need=32-len(pool)
    train[k]=pool+rest[:need]
    remaining=shifts[6:]+rest[need:]
    rng.shuffle(remaining)
    test[k]=[x for x in remaining if not rejected_in_test(k,x[1])][:10]
    for img in parse(EXTRA_TEST[k]):  # hand-drawn top-ups: every letter gets 10 test images
        if len(test[k])<10 and img not in owner and all(img!=v for _,v in test[k]):
            test[k].append(("extra",img))
    print(k,len(base),len(shifts),len(others),"train",len(train[k]),"test",len(test[k]))
def fmt(k,img): return k+"\n"+"\n".join("".join('#' if v else '.' for v in row) for row in img)+"\n"
import sys
def write(path,d,title):
    with open(path,"w") as f:
        f.write("# labels: A P L E\n# "+title+"\n")
        for k in "APLE":
            for kind,img in d[k]:
                f.write("\n"+fmt(k,img))
import os
out = sys.argv[1] if len(sys.argv) > 1 else "."
write(os.path.join(out, "aple.txt"),train,"aple: 128 handwritten 5x4 letters authored for shikumi (not the book's appendix data)")
write(os.path.join(out, "aple-test.txt"),test,"aple-test: 40 further letters, none of them in aple, for measuring generalisation")
