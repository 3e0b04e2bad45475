#!/usr/bin/env Rscript
# ARIMA references for CsMetrics: forecast::Arima fits of fixed orders and forecast::auto.arima
# choices (default and approximation = FALSE) on R datasets series, written as JSON (one file per
# series: r_arima_<series>.json), plus the series as CSV (t,time,value) and the seconds per call.
# Usage: Rscript arima_r.R <output folder>   (needs r-base-core and r-cran-forecast; no other packages)
suppressPackageStartupMessages(library(forecast))
args <- commandArgs(trailingOnly = TRUE)
out <- if (length(args) >= 1) args[1] else "."
dir.create(out, showWarnings = FALSE, recursive = TRUE)

num <- function(x) {
  if (length(x) == 0) return("[]")
  s <- ifelse(is.na(x), "null", ifelse(is.infinite(x), ifelse(x > 0, "1e308", "-1e308"), sprintf("%.17g", x)))
  if (length(x) == 1 && is.null(names(x))) s else paste0("[", paste(s, collapse = ","), "]")
}
json <- function(x, indent = "") {
  inner <- paste0(indent, "  ")
  if (is.null(x)) return("null")
  if (is.list(x)) {
    if (!is.null(names(x))) {
      items <- mapply(function(k, v) paste0(inner, "\"", k, "\": ", json(v, inner)), names(x), x)
      return(paste0("{\n", paste(items, collapse = ",\n"), "\n", indent, "}"))
    }
    items <- sapply(x, function(v) paste0(inner, json(v, inner)))
    return(paste0("[\n", paste(items, collapse = ",\n"), "\n", indent, "]"))
  }
  if (is.character(x)) return(if (length(x) == 1) paste0("\"", x, "\"") else paste0("[", paste0("\"", x, "\"", collapse = ","), "]"))
  if (is.logical(x)) return(if (length(x) == 1) tolower(as.character(x)) else paste0("[", paste(tolower(as.character(x)), collapse = ","), "]"))
  if (!is.null(names(x))) {
    items <- mapply(function(k, v) paste0(inner, "\"", k, "\": ", num(v)), names(x), x)
    return(paste0("{\n", paste(items, collapse = ",\n"), "\n", indent, "}"))
  }
  num(as.numeric(x))
}

describe <- function(fit, h) {
  a <- fit$arma  # p, q, P, Q, m, d, D
  fc <- forecast(fit, h = h, level = c(80, 95))
  cf <- coef(fit)
  list(
    order = c(a[1], a[6], a[2], a[3], a[7], a[4], a[5]),
    name = as.character(fit),
    coef = if (length(cf)) as.list(cf) else setNames(list(), character(0)),
    loglik = fit$loglik, sigma2 = fit$sigma2, aic = fit$aic, aicc = fit$aicc, bic = fit$bic, nobs = fit$nobs,
    forecast = list(mean = as.numeric(fc$mean), lower80 = as.numeric(fc$lower[, 1]), upper80 = as.numeric(fc$upper[, 1]),
                    lower95 = as.numeric(fc$lower[, 2]), upper95 = as.numeric(fc$upper[, 2])))
}

seconds <- function(expr_fun, reps) {
  times <- sapply(seq_len(reps), function(i) system.time(expr_fun())[["elapsed"]])
  median(times)
}

seasonal_orders <- list(
  list(order = c(0, 1, 1), seasonal = c(0, 1, 1), drift = FALSE),
  list(order = c(2, 1, 1), seasonal = c(0, 1, 0), drift = FALSE),
  list(order = c(1, 1, 0), seasonal = c(1, 1, 0), drift = FALSE),
  list(order = c(1, 0, 1), seasonal = c(0, 1, 1), drift = TRUE),
  list(order = c(2, 1, 2), seasonal = c(1, 1, 1), drift = FALSE),
  list(order = c(1, 0, 0), seasonal = c(1, 0, 0), drift = FALSE))
plain_orders <- list(
  list(order = c(1, 0, 0), seasonal = c(0, 0, 0), drift = FALSE),
  list(order = c(2, 0, 2), seasonal = c(0, 0, 0), drift = FALSE),
  list(order = c(0, 1, 1), seasonal = c(0, 0, 0), drift = FALSE),
  list(order = c(1, 1, 1), seasonal = c(0, 0, 0), drift = TRUE),
  list(order = c(0, 2, 2), seasonal = c(0, 0, 0), drift = FALSE))

series <- list(AirPassengers = AirPassengers, USAccDeaths = USAccDeaths, co2 = co2, nottem = nottem,
               Nile = Nile, LakeHuron = LakeHuron, WWWusage = WWWusage, lynx = lynx)
for (name in names(series)) {
  x <- series[[name]]
  m <- frequency(x)
  h <- if (m > 1) 2 * m else 10
  write.csv(data.frame(t = seq_along(x), time = sprintf("%.6f", as.numeric(time(x))), value = sprintf("%.17g", as.numeric(x))),
            file.path(out, paste0(name, ".csv")), row.names = FALSE, quote = FALSE)
  fits <- list()
  for (spec in if (m > 1) seasonal_orders else plain_orders) {
    fit <- tryCatch(Arima(x, order = spec$order, seasonal = spec$seasonal, include.drift = spec$drift), error = function(e) NULL)
    if (!is.null(fit)) {
      # The exact ARMA likelihood of the differenced series (R's arima on diff(x), method ML, tight tolerance):
      # the integrated fit's diffuse prior (kappa = 1e6) shifts its loglik by up to about 1e-3 from this.
      D <- spec$seasonal[2]; d <- spec$order[2]
      w <- x
      if (D > 0) w <- diff(w, lag = m, differences = D)
      if (d > 0) w <- diff(w, differences = d)
      differenced <- tryCatch(arima(w, order = c(spec$order[1], 0, spec$order[3]),
                                    seasonal = list(order = c(spec$seasonal[1], 0, spec$seasonal[3]), period = m),
                                    include.mean = (d + D == 0) || spec$drift, method = "ML",
                                    optim.control = list(reltol = 1e-12, maxit = 5000))$loglik, error = function(e) NA)
      fits[[length(fits) + 1]] <- c(describe(fit, h), list(include_drift = spec$drift, loglik_differenced = differenced))
    }
  }
  auto <- auto.arima(x)
  exact <- auto.arima(x, approximation = FALSE)
  result <- list(
    series = name, csv = paste0(name, ".csv"), season_length = m, n = length(x), horizon = h,
    r_version = R.version.string, forecast_version = as.character(packageVersion("forecast")),
    created = format(Sys.time(), "%Y-%m-%d", tz = "UTC"),
    spec = paste("forecast::Arima(x, order, seasonal, include.drift) (method CSS-ML, include.mean default TRUE);",
                 "auto.arima(x) with defaults (stepwise, AICc, approximation when n > 150 or m > 12) and auto.arima(x, approximation = FALSE);",
                 "forecasts by forecast(fit, h, level = c(80, 95))"),
    fits = fits, auto = describe(auto, h), auto_exact = describe(exact, h))
  if (name == "AirPassengers") {
    result$seconds <- list(
      auto_arima = seconds(function() auto.arima(x), 5),
      auto_arima_exact = seconds(function() auto.arima(x, approximation = FALSE), 5),
      arima_airline = seconds(function() Arima(x, order = c(0, 1, 1), seasonal = c(0, 1, 1)), 20))
  }
  writeLines(json(result), file.path(out, paste0("r_arima_", name, ".json")))
  cat(name, ": auto ", as.character(auto), " exact ", as.character(exact), "\n", sep = "")
}
