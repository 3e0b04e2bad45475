# Generates survey.csv: 400 synthetic contacts, the same on every machine.
# Run from this folder:  awk -f generate-survey.awk > survey.csv
# Random numbers: the Park-Miller "minimal standard" generator (x <- 16807 x mod 2^31 - 1, seed 20261122),
# exact in awk's doubles because 16807 * 2^31 < 2^53.
function u() { state = (16807 * state) % 2147483647; return state / 2147483647 }
BEGIN {
    state = 20261122
    print "contact_id,score,csat,ces,resolved,talk_s,hold_s,wrap_s,wait_s,answered"
    for (i = 1; i <= 400; i++) {
        score = int(11 * u() ^ 0.55); if (score > 10) score = 10      # 0-10, skewed towards promoters
        csat = 1 + int(5 * u() ^ 0.6); if (csat > 5) csat = 5            # 1-5
        ces = 1 + int(7 * u() ^ 0.7); if (ces > 7) ces = 7               # 1-7, 7 = very easy
        resolved = u() < 0.72 ? 1 : 0
        talk = 120 + int(480 * u()); hold = int(60 * u() ^ 2); wrap = 20 + int(90 * u())
        wait = int(-300 * log(1 - u())) / 10                              # exponential, mean ~30 s
        answered = u() < (wait > 60 ? 0.7 : 0.96) ? 1 : 0
        printf "%d,%d,%d,%d,%d,%d,%d,%d,%.1f,%d\n", i, score, csat, ces, resolved, talk, hold, wrap, wait, answered
    }
}
