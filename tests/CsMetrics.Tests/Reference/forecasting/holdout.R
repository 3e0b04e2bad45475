# Held-out accuracy oracle: R forecast::ets(y) (auto, ZZZ) fitted on all but the last two seasons,
# forecasts of those two seasons, and MASE scaled by the in-sample seasonal naive MAE.
suppressMessages(library(forecast))
# Run from the repository root beside ../shared (or set CSMETRICS_REFERENCE to the folder of the CSV files).
dir <- Sys.getenv("CSMETRICS_REFERENCE", "../shared/reference/forecasting/")
out <- list()
for (s in c("AirPassengers", "USAccDeaths", "co2", "nottem")) {
  y <- read.csv(paste0(dir, s, ".csv"))$value
  m <- 12; h <- 2 * m; n <- length(y)
  train <- ts(y[1:(n - h)], frequency = m); test <- y[(n - h + 1):n]
  fit <- ets(train)
  fc <- forecast(fit, h = h)
  scale <- mean(abs(diff(as.numeric(train), lag = m)))
  mase <- mean(abs(test - fc$mean)) / scale
  out[[length(out) + 1]] <- sprintf('{"series":"%s","train_length":%d,"horizon":%d,"method":"%s","aicc":%.10f,"mase":%.12f,"mean":[%s]}',
    s, n - h, h, fit$method, fit$aicc, mase, paste(sprintf("%.10f", as.numeric(fc$mean)), collapse=","))
}
cat('{"meta":{"R":"', R.version.string, '","forecast":"', as.character(packageVersion("forecast")), '"},\n',
  '"note":"ets(train) auto selection (ZZZ, AICc) on all but the last 2 seasons (m=12, h=24); MASE = mean|test - mean| / mean|diff(train, lag=12)|",\n"results":[\n',
  paste(out, collapse=",\n"), ']}\n', sep="")
