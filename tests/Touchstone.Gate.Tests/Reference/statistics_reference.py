# Reference values for the gate's statistics tests. Run with /usr/bin/python3 (Debian python3-mpmath 1.3.0):
#   /usr/bin/python3 tests/Touchstone.Gate.Tests/Reference/statistics_reference.py
# Every test constant taken from here names this script; the printed labels say which computation gave it.
from mpmath import mp, mpf, betainc, sqrt, findroot, quad, ncdf, gamma, exp, log, inf
from fractions import Fraction
mp.dps = 30
def tcdf(t, df):
    t=mpf(t); df=mpf(df)
    x = df/(df+t*t)
    tail = betainc(df/2, mpf(1)/2, 0, x, regularized=True)/2
    return 1-tail if t>0 else tail
def tinv(p, df):
    return findroot(lambda t: tcdf(t, df)-p, 1.0)
print("tcdf(2,5)", tcdf(2,5))
print("tcdf(-1.3,7.3)", tcdf(-1.3, 7.3))
print("tcdf(0.7,2.5)", tcdf(0.7, 2.5))
print("tinv(.95,4)", tinv(mpf('0.95'),4))
print("tinv(.95,8)", tinv(mpf('0.95'),8))
print("tinv(.8,8)", tinv(mpf('0.8'),8))
print("tinv(.975,10)", tinv(mpf('0.975'),10))
print("tinv(.95,6.47)", tinv(mpf('0.95'),mpf('6.47')))
# paired example
d=[Fraction(s) for s in ['0.12','-0.05','0.31','0.08','0.19']]
n=len(d); m=sum(d)/n; var=sum((x-m)**2 for x in d)/(n-1)
sd=sqrt(mpf(var.numerator)/var.denominator)
se=sd/sqrt(n)
print("paired mean", mpf(m.numerator)/m.denominator, "sd", sd, "se", se)
for shift in ['0','0.05']:
    t=(mpf(m.numerator)/m.denominator-mpf(shift))/se
    print(" shift",shift,"t",t,"p_greater",1-tcdf(t,n-1))
# Welch example
a=[Fraction(s) for s in ['10.2','11.5','9.8','12.1','10.9']]   # candidate
b=[Fraction(s) for s in ['9.1','9.6','10.4','9.9','9.3','10.0']]  # baseline
def mv(x):
    n=len(x); m=sum(x)/n; v=sum((y-m)**2 for y in x)/(n-1); return n,m,v
na,ma,va=mv(a); nb,mb,vb=mv(b)
ua=va/na; ub=vb/nb
df=(ua+ub)**2/(ua**2/(na-1)+ub**2/(nb-1))
print("welch df exact", df, float(df))
F=lambda q: mpf(q.numerator)/q.denominator
se=sqrt(F(ua+ub)); diff=F(ma-mb)
print("welch diff", diff, "se", se)
for shift in ['0','0.5']:
    t=(diff-mpf(shift))/se
    print(" shift",shift,"t",t,"p_greater",1-tcdf(t,F(df)), "p_less", tcdf(t,F(df)))
lv=tinv(mpf('0.95'),F(df))
print(" 90% CI", diff-lv*se, diff+lv*se)
# one side zero variance
c=[Fraction(s) for s in ['2.5','2.5','2.5','2.5']]
d=[Fraction(s) for s in ['2.61','2.70','2.58','2.66','2.75']]
nc,mc,vc=mv(c); nd,md,vd=mv(d)
uc=vc/nc; ud=vd/nd
df2=(uc+ud)**2/(uc**2/(nc-1)+ud**2/(nd-1))
print("zero-var welch df", df2, "se", sqrt(F(ud)), "diff d-c", F(md-mc))
t=F(md-mc)/sqrt(F(ud)); print(" t", t, "p_greater", 1-tcdf(t, F(df2)))
# power: exact noncentral t power by integration
def nct_sf(c, df, ncp):
    # P(T' > c) = ∫ P(Z > c*sqrt(v/df) - ncp) chi2_df(v) dv
    df=mpf(df)
    f=lambda v: (1-ncdf(c*sqrt(v/df)-ncp)) * exp((df/2-1)*log(v) - v/2 - (df/2)*log(2) - log(gamma(df/2)))
    return quad(f,[0,df,inf])
print("power two-sample n=5, 2sd:", nct_sf(tinv(mpf('0.95'),8), 8, 2/sqrt(mpf(2)/5)))
print("power paired n=5 sd_d=sqrt2 sd, 2sd:", nct_sf(tinv(mpf('0.95'),4), 4, 2/sqrt(mpf(2))*sqrt(5)))
print("power paired n=5 rho=.5 sd_d=1sd:", nct_sf(tinv(mpf('0.95'),4), 4, 2*sqrt(5)))
print("power two-sample n=14, d=1:", nct_sf(tinv(mpf('0.95'),26), 26, 1/sqrt(mpf(2)/14)))
print("power two-sample n=13, d=1:", nct_sf(tinv(mpf('0.95'),24), 24, 1/sqrt(mpf(2)/13)))
from mpmath import erfinv
z=lambda p: sqrt(2)*erfinv(2*p-1)
print("12.4 const", 2*(z(mpf('0.95'))+z(mpf('0.8')))**2)
print("detectable n=5 two", (tinv(mpf('0.95'),8)+tinv(mpf('0.8'),8))*sqrt(mpf(2)/5))
print("detectable n=5 paired", (tinv(mpf('0.95'),4)+tinv(mpf('0.8'),4))/sqrt(5))
print("detectable n=3 two", (tinv(mpf('0.95'),4)+tinv(mpf('0.8'),4))*sqrt(mpf(2)/3))
print("detectable n=10 two", (tinv(mpf('0.95'),18)+tinv(mpf('0.8'),18))*sqrt(mpf(2)/10))
# quantile at large df (StudentTQuantileTests) and the paired 3-seed detectable shift (docs/gate.md)
print("tinv(.2,1e5)", tinv(mpf('0.2'), 100000))
print("detectable n=3 paired", (tinv(mpf('0.95'),2)+tinv(mpf('0.8'),2))/sqrt(3))
print("detectable n=10 paired", (tinv(mpf('0.95'),9)+tinv(mpf('0.8'),9))/sqrt(10))
