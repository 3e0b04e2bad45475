# Theta oracle: R forecast::thetaf on whole series (h = 24, 80/95% intervals), with the SES alpha and
# the seasonality decision, for tests/CsMetrics.Tests/Forecasting/ThetaTests.cs.
# Run from this folder: Rscript thetaf.R > r_thetaf.json
suppressMessages(library(forecast))
num <- function(x) paste(sprintf("%.10f", as.numeric(x)), collapse = ",")
out <- list()
add <- function(name, y, m) {
  y <- ts(as.numeric(y), frequency = m)
  fc <- thetaf(y, h = 24, level = c(80, 95))
  alpha <- fc$model$alpha; drift <- fc$model$drift; sigma <- fc$model$sigma
  out[[length(out) + 1]] <<- sprintf('{"series":"%s","frequency":%d,"alpha":%.12f,"drift":%.12f,"sigma":%.12f,"method":"%s","mean":[%s],"lower80":[%s],"upper80":[%s],"lower95":[%s],"upper95":[%s]}',
    name, m, alpha, drift, sigma, fc$method, num(fc$mean), num(fc$lower[, 1]), num(fc$upper[, 1]), num(fc$lower[, 2]), num(fc$upper[, 2]))
}
for (s in c("AirPassengers", "USAccDeaths", "co2", "nottem")) add(s, read.csv(paste0(s, ".csv"))$value, 12)
add("Nile", Nile, 1)
add("WWWusage", WWWusage, 1)
cat('{"meta":{"R":"', R.version.string, '","forecast":"', as.character(packageVersion("forecast")), '"},\n',
  '"note":"thetaf(ts(y, frequency), h = 24, level = c(80, 95)); alpha, drift and sigma from fc$model",\n"results":[\n',
  paste(out, collapse = ",\n"), ']}\n', sep = "")
