#!/usr/bin/python3
"""Reference values for HandDerivedNetworkTest (shikumi-core), computed without any shikumi code.

The tiny 2-2-2 network of the test, with the book's conventions:
  s_j = sum_i w_ji * x_i - theta_j,  z_j = sigma(s_j) = 1 / (1 + e^(-s_j))
  e = 1/2 sum_k (t_k - z_k)^2,  E = sum over images of e
  dO_k = -(t_k - z_k) * z_k * (1 - z_k)
  dH_j = (sum_k dO_k * wO_kj) * h_j * (1 - h_j)
  de/dw_ji = d_j * input_i,  de/dtheta_j = -d_j
Every step is evaluated with Python's decimal module at 40 significant digits (exp included), then
printed rounded to 17 significant digits, the precision of the literals in the test.

Run: /usr/bin/python3 shikumi-core/src/test/reference/hand_derived_2_2_2.py
"""
from decimal import Decimal as D, getcontext

getcontext().prec = 40

wH = [[D("0.5"), D("-0.25")], [D("-0.5"), D("0.75")]]
thH = [D("0.25"), D("-0.5")]
wO = [[D("1.0"), D("-0.75")], [D("-0.5"), D("0.25")]]
thO = [D("0.5"), D("-0.25")]
images = [("image 1", [D(1), D(0)], [D(1), D(0)]),   # label A
          ("image 2", [D(1), D(1)], [D(0), D(1)])]   # label B


def sigma(s):
    return 1 / (1 + (-s).exp())


def f(v):
    return format(v, ".17g") if v != 0 else "0"


E = D(0)
total = [D(0)] * 12
for name, x, t in images:
    print(f"== {name}: x = {[f(v) for v in x]}, t = {[f(v) for v in t]}")
    sH = [wH[j][0] * x[0] + wH[j][1] * x[1] - thH[j] for j in range(2)]
    h = [sigma(s) for s in sH]
    for j in range(2):
        print(f"sH{j+1} = {wH[j][0]}*{x[0]} + ({wH[j][1]})*{x[1]} - ({thH[j]}) = {f(sH[j])}")
        print(f"h{j+1} = sigma({f(sH[j])}) = 1/(1 + e^{f(-sH[j])}), e^{f(-sH[j])} = {f((-sH[j]).exp())}, h{j+1} = {f(h[j])}")
    sO = [wO[k][0] * h[0] + wO[k][1] * h[1] - thO[k] for k in range(2)]
    z = [sigma(s) for s in sO]
    for k in range(2):
        print(f"sO{k+1} = {wO[k][0]}*h1 + ({wO[k][1]})*h2 - ({thO[k]}) = {f(sO[k])}")
        print(f"z{k+1} = sigma({f(sO[k])}): e^{f(-sO[k])} = {f((-sO[k]).exp())}, z{k+1} = {f(z[k])}")
    e = sum((t[k] - z[k]) ** 2 for k in range(2)) / 2
    print(f"e = 1/2 [({t[0]} - z1)^2 + ({t[1]} - z2)^2] = 1/2 [{f((t[0]-z[0])**2)} + {f((t[1]-z[1])**2)}] = {f(e)}")
    E += e
    dO = [-(t[k] - z[k]) * z[k] * (1 - z[k]) for k in range(2)]
    for k in range(2):
        print(f"dO{k+1} = -({t[k]} - z{k+1}) * z{k+1}(1 - z{k+1}) = {f(-(t[k]-z[k]))} * {f(z[k]*(1-z[k]))} = {f(dO[k])}")
    back = [sum(dO[k] * wO[k][j] for k in range(2)) for j in range(2)]
    dH = [back[j] * h[j] * (1 - h[j]) for j in range(2)]
    for j in range(2):
        print(f"sum_k dO_k wO_k{j+1} = dO1*({wO[0][j]}) + dO2*({wO[1][j]}) = {f(back[j])}")
        print(f"dH{j+1} = {f(back[j])} * h{j+1}(1 - h{j+1}) = {f(back[j])} * {f(h[j]*(1-h[j]))} = {f(dH[j])}")
    g = [dH[0] * x[0], dH[0] * x[1], dH[1] * x[0], dH[1] * x[1], -dH[0], -dH[1],
         dO[0] * h[0], dO[0] * h[1], dO[1] * h[0], dO[1] * h[1], -dO[0], -dO[1]]
    names = ["wH11", "wH12", "wH21", "wH22", "thH1", "thH2", "wO11", "wO12", "wO21", "wO22", "thO1", "thO2"]
    print("gradient (layout order): " + ", ".join(f"{n} = {f(v)}" for n, v in zip(names, g)))
    total = [a + b for a, b in zip(total, g)]
print(f"== E = e(image 1) + e(image 2) = {f(E)}")
print("== dE (layout order): " + ", ".join(f(v) for v in total))
