# Held-out evaluation data and R's scores (forecast::ets, auto.arima, thetaf), for the C# harness
# benchmarks/CsMetrics.Benchmarks/Forecasting/HoldoutEvaluation.cs. Run from this folder: Rscript holdout.R
# Writes data/<series>.csv (one 'value' column: training then held-out values), manifest.json (season length
# m, horizon h = two seasons, 6 for annual data) and r_scores.json (per series and method: MASE, sMAPE,
# 95% coverage, MSIS, all on the held-out values; MASE and MSIS scaled by the in-sample seasonal naive MAE).
suppressMessages(library(forecast))
set.seed(20261202)
series <- list(
  AirPassengers = AirPassengers, USAccDeaths = USAccDeaths, co2 = co2, nottem = nottem,
  ldeaths = ldeaths, mdeaths = mdeaths, fdeaths = fdeaths, UKDriverDeaths = UKDriverDeaths,
  Seatbelts_front = Seatbelts[, "front"], Seatbelts_rear = Seatbelts[, "rear"], wineind = wineind, gas = gas,
  UKgas = UKgas, JohnsonJohnson = JohnsonJohnson, austres = austres, woolyrnq = woolyrnq,
  Nile = Nile, LakeHuron = LakeHuron, lynx = lynx, sunspot.year = sunspot.year, airmiles = airmiles,
  nhtemp = nhtemp, discoveries = discoveries, WWWusage = WWWusage, BJsales = BJsales, lh = lh)
# Contact-centre-like dailies (m = 7), constructed here: a weekly profile, a slow trend or level shift,
# yearly-ish drift and noise; the seed above makes them reproducible.
daily <- function(n, base, trend, weekly, noise, shift = 0) {
  t <- 0:(n - 1)
  level <- base + trend * t + shift * (t > n * 0.6) + 0.05 * base * sin(2 * pi * t / 365)
  y <- level * weekly[(t %% 7) + 1] * exp(rnorm(n, 0, noise))
  ts(round(y), frequency = 7)
}
series$calls_retail <- daily(364, 800, 0.4, c(1.25, 1.15, 1.1, 1.05, 1.0, 0.75, 0.7), 0.06)
series$calls_bank <- daily(280, 2400, -0.8, c(1.3, 1.1, 1.05, 1.0, 0.95, 0.35, 0.25), 0.05, shift = -150)
series$calls_utility <- daily(420, 300, 0.1, c(1.2, 1.1, 1.05, 1.05, 1.0, 0.85, 0.75), 0.12)
series$calls_telecom <- daily(196, 5000, 3, c(1.1, 1.05, 1.0, 1.0, 0.95, 0.95, 0.95), 0.04)
dir.create("data", showWarnings = FALSE)
fmt <- function(x) sprintf("%.10g", x)
scores <- list(); manifest <- list()
measure <- function(test, mean, lower, upper, train, m) {
  scale <- mean(abs(diff(as.numeric(train), lag = m)))
  a <- 0.05
  msis <- mean((upper - lower) + 2 / a * (lower - test) * (test < lower) + 2 / a * (test - upper) * (test > upper)) / scale
  sprintf('{"mase":%s,"smape":%s,"coverage95":%s,"msis":%s}', fmt(mean(abs(test - mean)) / scale),
    fmt(mean(200 * abs(test - mean) / (abs(test) + abs(mean)))), fmt(mean(test >= lower & test <= upper)), fmt(msis))
}
for (name in names(series)) {
  y <- series[[name]]; m <- frequency(y); n <- length(y)
  h <- if (m == 1) 6 else 2 * m
  train <- ts(as.numeric(y)[1:(n - h)], frequency = m); test <- as.numeric(y)[(n - h + 1):n]
  writeLines(c("value", fmt(as.numeric(y))), file.path("data", paste0(name, ".csv")))
  manifest[[length(manifest) + 1]] <- sprintf('{"series":"%s","m":%d,"h":%d,"n":%d}', name, m, h, n)
  f1 <- forecast(ets(train), h = h, level = 95)
  f2 <- forecast(auto.arima(train), h = h, level = 95)
  f3 <- thetaf(train, h = h, level = 95)
  row <- c(ets = measure(test, f1$mean, f1$lower, f1$upper, train, m),
           auto.arima = measure(test, f2$mean, f2$lower, f2$upper, train, m),
           thetaf = measure(test, f3$mean, f3$lower, f3$upper, train, m))
  scores[[length(scores) + 1]] <- sprintf('"%s":{"ets":%s,"auto.arima":%s,"thetaf":%s,"ets_model":"%s","arima_model":"%s"}',
    name, row["ets"], row["auto.arima"], row["thetaf"], f1$method, f2$method)
}
writeLines(paste0('{"R":"', R.version.string, '","forecast":"', packageVersion("forecast"), '","series":[\n', paste(manifest, collapse = ",\n"), "]}"), "manifest.json")
writeLines(paste0('{"R":"', R.version.string, '","forecast":"', packageVersion("forecast"), '",\n', paste(scores, collapse = ",\n"), "}"), "r_scores.json")
