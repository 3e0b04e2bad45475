# Regenerates high_precision.json: 40-digit values (mpmath) of the formulas the Internal maths home implements,
# computed independently of the library from their published definitions.
#   python3 high_precision.py > high_precision.json
import json
from mpmath import mp, mpf, sqrt, erfinv, erfc, ceil

mp.dps = 40
def s(x): return mp.nstr(x, 25)

# Levels as the binary double holds them (mpf(float(...)) is exact), so the reference carries no input rounding.
z = {l: s(sqrt(2) * erfinv(mpf(float(l)))) for l in ["0.5", "0.8", "0.9", "0.95", "0.99", "0.999", "0.999999"]}
p_values = {v: s(erfc(abs(mpf(float(v))) / sqrt(2))) for v in ["0", "1", "1.959963984540054", "-2.5", "4.75", "8"]}

def adjusted(d, pa, p):
    n = mpf(d + pa + p + 3); P = (p + mpf("0.75")) / n; D = (d + mpf("0.75")) / n
    return 100 * (P - D), 100 * sqrt((P + D - (P - D) ** 2) / n)
z95 = sqrt(2) * erfinv(mpf("0.95"))
s1, e1 = adjusted(20, 30, 50); s2, e2 = adjusted(395, 476, 291)
diff = s2 - s1; se = sqrt(e1 ** 2 + e2 ** 2)
nps_difference = {
    "first_det_pas_pro": [20, 30, 50], "second_det_pas_pro": [395, 476, 291], "level": 0.95,
    "difference": s(100 * (mpf(291) / 1162 - mpf(395) / 1162) - 30), "z": s(diff / se),
    "p": s(erfc(abs(diff / se) / sqrt(2))), "interval": [s(diff - z95 * se), s(diff + z95 * se)],
    "method": "MeasuringU: adjusted-Wald counts per period (Rocks 2016), z = dNPS'/sqrt(Var1'/(n1+3) + Var2'/(n2+3))",
}

def cochran(level, variance, margin, population=None):
    zz = sqrt(2) * erfinv(mpf(level))
    n0 = zz ** 2 * mpf(variance) / mpf(margin) ** 2
    n = n0 / (1 + (n0 - 1) / population) if population else n0
    return {"level": level, "variance": variance, "margin": margin, "population": population, "n_exact": s(n), "n": int(max(1, ceil(n)))}
sample_sizes = [cochran("0.95", "0.25", "0.05"), cochran("0.95", "0.25", "0.05", 1000), cochran("0.99", "0.25", "0.03", 60000),
                cochran("0.95", "0.0225", "0.05"), cochran("0.95", "0.0225", "0.05", 100), cochran("0.99", "0.04", "0.05"),
                cochran("0.95", "1", "0.05"), cochran("0.9", "0.09", "0.01", 7)]

print(json.dumps({"_note": "40-digit mpmath values; see high_precision.py", "z_two_sided": z, "two_sided_p": p_values,
                  "nps_difference": nps_difference, "cochran": sample_sizes}, indent=1))
