/* test-retry.c
 *
 * Copyright 2026 The Keyway authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "kw-cognito-error.h"
#include "kw-retry.h"
#include "kw-test-utils.h"

#include <string.h>

typedef enum
{
  SOURCE_RESPONSE,   /* an answer from the service: status and x-amzn-ErrorType */
  SOURCE_TRANSPORT,  /* a GIO, resolver or TLS failure, classified as the client does */
  SOURCE_RAW,        /* an error that never went through the Cognito error domain */
} Source;

typedef struct
{
  const char *name;
  Source      source;
  guint       status;       /* SOURCE_RESPONSE */
  const char *error_type;   /* SOURCE_RESPONSE; NULL for a proxy's page */
  GQuark    (*domain) (void);
  int         code;         /* SOURCE_TRANSPORT and SOURCE_RAW */
  gboolean    retryable;
} RetryCase;

/* Each error is built the way the client builds it from what arrived, so the
 * classification is tested on the errors a person can actually meet. */
static const RetryCase retry_cases[] = {
  /* Worth another attempt: the service or the path to it was briefly unwell. */
  { "too-many-requests", SOURCE_RESPONSE, 400, "TooManyRequestsException", NULL, 0, TRUE },
  { "throttling", SOURCE_RESPONSE, 400, "ThrottlingException", NULL, 0, TRUE },
  { "throttling-query-name", SOURCE_RESPONSE, 400, "Throttling", NULL, 0, TRUE },
  { "internal-error", SOURCE_RESPONSE, 500, "InternalErrorException", NULL, 0, TRUE },
  { "server-500", SOURCE_RESPONSE, 500, NULL, NULL, 0, TRUE },
  { "server-502", SOURCE_RESPONSE, 502, NULL, NULL, 0, TRUE },
  { "server-503", SOURCE_RESPONSE, 503, NULL, NULL, 0, TRUE },
  { "server-504", SOURCE_RESPONSE, 504, NULL, NULL, 0, TRUE },
  { "connection-refused", SOURCE_TRANSPORT, 0, NULL, g_io_error_quark,
    G_IO_ERROR_CONNECTION_REFUSED, TRUE },
  { "connection-reset", SOURCE_TRANSPORT, 0, NULL, g_io_error_quark,
    G_IO_ERROR_CONNECTION_CLOSED, TRUE },
  { "network-unreachable", SOURCE_TRANSPORT, 0, NULL, g_io_error_quark,
    G_IO_ERROR_NETWORK_UNREACHABLE, TRUE },

  /* Not worth it: retrying changes nothing, or spends the person's attempts. */
  { "limit-exceeded", SOURCE_RESPONSE, 400, "LimitExceededException", NULL, 0, FALSE },
  { "code-mismatch", SOURCE_RESPONSE, 400, "CodeMismatchException", NULL, 0, FALSE },
  { "expired-code", SOURCE_RESPONSE, 400, "ExpiredCodeException", NULL, 0, FALSE },
  { "not-authorized", SOURCE_RESPONSE, 400, "NotAuthorizedException", NULL, 0, FALSE },
  { "invalid-parameter", SOURCE_RESPONSE, 400, "InvalidParameterException", NULL, 0, FALSE },
  { "user-not-found", SOURCE_RESPONSE, 400, "UserNotFoundException", NULL, 0, FALSE },
  { "unrecognized-client", SOURCE_RESPONSE, 400, "UnrecognizedClientException", NULL, 0, FALSE },
  { "unknown-error-name", SOURCE_RESPONSE, 400, "BrandNewException", NULL, 0, FALSE },
  { "server-501", SOURCE_RESPONSE, 501, NULL, NULL, 0, FALSE },
  { "proxy-400", SOURCE_RESPONSE, 400, NULL, NULL, 0, FALSE },
  { "timeout", SOURCE_TRANSPORT, 0, NULL, g_io_error_quark, G_IO_ERROR_TIMED_OUT, FALSE },
  { "dns-failure", SOURCE_TRANSPORT, 0, NULL, g_resolver_error_quark,
    G_RESOLVER_ERROR_NOT_FOUND, FALSE },
  { "tls-failure", SOURCE_TRANSPORT, 0, NULL, g_tls_error_quark,
    G_TLS_ERROR_BAD_CERTIFICATE, FALSE },
  { "raw-cancelled", SOURCE_RAW, 0, NULL, g_io_error_quark, G_IO_ERROR_CANCELLED, FALSE },
  { "raw-connection-refused", SOURCE_RAW, 0, NULL, g_io_error_quark,
    G_IO_ERROR_CONNECTION_REFUSED, FALSE },
  /* A foreign error whose code happens to equal a retryable Cognito code:
   * only the domain can tell them apart. */
  { "raw-same-code", SOURCE_RAW, 0, NULL, g_io_error_quark,
    KW_COGNITO_ERROR_TOO_MANY_REQUESTS, FALSE },
};

static GError *
build_error (const RetryCase *retry_case)
{
  g_autoptr(GError) raw = NULL;

  switch (retry_case->source)
    {
    case SOURCE_RESPONSE:
      {
        /* A gateway's error page carries no error name, only HTML. */
        const char *body = retry_case->error_type != NULL
          ? "{\"message\":\"Rate exceeded\"}"
          : "<html><body>Bad gateway</body></html>";

        return kw_cognito_error_from_response (retry_case->status, retry_case->error_type, NULL,
                                               "4b3e2f1a-0000-4000-8000-000000000000",
                                               body, strlen (body));
      }

    case SOURCE_TRANSPORT:
      raw = g_error_new_literal (retry_case->domain (), retry_case->code, "transport failure");
      return kw_cognito_error_from_transport (raw);

    case SOURCE_RAW:
      return g_error_new_literal (retry_case->domain (), retry_case->code, "not ours");

    default:
      g_assert_not_reached ();
    }
}

static void
test_retryable (gconstpointer data)
{
  const RetryCase *retry_case = data;
  g_autoptr(GError) error = build_error (retry_case);

  g_assert_nonnull (error);
  g_assert_cmpint (kw_retry_is_retryable (error), ==, retry_case->retryable);
}

/* The classification must not depend on how the error was built: a
 * SERVER_ERROR carries its status in the extended error and nowhere else. */
static void
test_retryable_server_status (void)
{
  static const struct {
    guint    status;
    gboolean retryable;
  } statuses[] = {
    { 0, FALSE }, { 500, TRUE }, { 501, FALSE }, { 502, TRUE }, { 503, TRUE },
    { 504, TRUE }, { 505, FALSE }, { 507, FALSE }, { 599, FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (statuses); i++)
    {
      g_autoptr(GError) error = kw_cognito_error_new_full (KW_COGNITO_ERROR_SERVER_ERROR, NULL,
                                                           statuses[i].status, NULL, "down");

      g_test_message ("HTTP %u", statuses[i].status);
      g_assert_cmpint (kw_retry_is_retryable (error), ==, statuses[i].retryable);
    }
}

/* With no jitter drawn the next attempt starts at once, whatever the attempt. */
static void
test_delay_zero_fraction (void)
{
  for (guint attempt = 1; attempt <= 40; attempt++)
    g_assert_cmpuint (kw_retry_delay_ms (attempt, KW_RETRY_DEFAULT_BASE_DELAY_MS, 0.0), ==, 0);
}

/* Full jitter: the wait is the fraction of base × 2^(attempt − 1). The
 * largest fraction below 1 that a double holds exactly shows the ceiling of
 * each attempt, less the millisecond that truncation drops. */
#define ALMOST_ONE (1.0 - 1.0 / 1048576.0)

static void
test_delay_ceiling (void)
{
  static const struct {
    guint attempt;
    guint half;
    guint ceiling;
  } schedule[] = {
    { 1, 500, 1000 },
    { 2, 1000, 2000 },
    { 3, 2000, 4000 },
    { 4, 4000, 8000 },
    { 5, 8000, 16000 },
    /* 32 s would be next: the 20 s cap holds from here on, and a large
     * attempt number must not overflow the shift. */
    { 6, 10000, 20000 },
    { 7, 10000, 20000 },
    { 21, 10000, 20000 },
    { 22, 10000, 20000 },
    { 64, 10000, 20000 },
    { G_MAXUINT, 10000, 20000 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (schedule); i++)
    {
      g_test_message ("attempt %u", schedule[i].attempt);
      g_assert_cmpuint (kw_retry_delay_ms (schedule[i].attempt, 1000, 0.5), ==, schedule[i].half);
      g_assert_cmpuint (kw_retry_delay_ms (schedule[i].attempt, 1000, ALMOST_ONE), ==,
                        schedule[i].ceiling - 1);
    }
}

/* Another base scales the schedule, and no base, however large, gets past
 * the cap: a person never waits more than 20 s between attempts. */
static void
test_delay_base (void)
{
  g_assert_cmpuint (kw_retry_delay_ms (1, 100, 0.5), ==, 50);
  g_assert_cmpuint (kw_retry_delay_ms (3, 100, 0.5), ==, 200);
  g_assert_cmpuint (kw_retry_delay_ms (1, 250, 0.25), ==, 62);
  g_assert_cmpuint (kw_retry_delay_ms (1, 30000, 0.5), ==, 10000);
  g_assert_cmpuint (kw_retry_delay_ms (1, G_MAXUINT, 0.5), ==, 10000);
  g_assert_cmpuint (kw_retry_delay_ms (40, G_MAXUINT, ALMOST_ONE), ==, 19999);
  g_assert_cmpuint (kw_retry_delay_ms (5, 0, ALMOST_ONE), ==, 0);
}

/* Over the whole range of jitter the wait stays under the ceiling and grows
 * with the fraction, so the random draw never produces a surprise. */
static void
test_delay_jitter_range (void)
{
  for (guint attempt = 1; attempt <= 8; attempt++)
    {
      guint ceiling = MIN (1000u << (attempt - 1), (guint) KW_RETRY_MAX_DELAY_MS);
      guint previous = 0;

      for (guint step = 0; step < 1000; step++)
        {
          double fraction = step / 1000.0;
          guint delay = kw_retry_delay_ms (attempt, 1000, fraction);

          g_assert_cmpuint (delay, <, ceiling);
          g_assert_cmpuint (delay, >=, previous);
          previous = delay;
        }

      g_assert_cmpuint (previous, >=, ceiling - ceiling / 1000 - 1);
    }
}

int
main (int   argc,
      char *argv[])
{
  kw_test_init (&argc, &argv);

  for (guint i = 0; i < G_N_ELEMENTS (retry_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/keyway/retry/retryable/%s", retry_cases[i].name);

      g_test_add_data_func (path, &retry_cases[i], test_retryable);
    }

  g_test_add_func ("/keyway/retry/retryable-server-status", test_retryable_server_status);
  g_test_add_func ("/keyway/retry/delay-zero-fraction", test_delay_zero_fraction);
  g_test_add_func ("/keyway/retry/delay-ceiling", test_delay_ceiling);
  g_test_add_func ("/keyway/retry/delay-base", test_delay_base);
  g_test_add_func ("/keyway/retry/delay-jitter-range", test_delay_jitter_range);

  return g_test_run ();
}
