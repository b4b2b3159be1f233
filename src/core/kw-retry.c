/* kw-retry.c
 *
 * Copyright 2026 The Keyway authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "kw-retry.h"

#include "kw-cognito-error.h"

/**
 * kw_retry_is_retryable:
 * @error: the failure of one attempt
 *
 * Follows the SDKs' standard retry mode, with two deliberate differences.
 * LimitExceededException is never retried: for the recovery operations it is
 * the per-user hourly attempt budget, and every retry spends more of it.
 * A timeout is not retried either: the service may have acted on the request
 * (a code may already be on its way), and three full timeouts would keep a
 * person waiting for minutes before they learn anything.
 *
 * Returns: %TRUE if another attempt may help
 */
gboolean
kw_retry_is_retryable (const GError *error)
{
  g_return_val_if_fail (error != NULL, FALSE);

  if (error->domain != KW_COGNITO_ERROR)
    return FALSE;

  switch ((KwCognitoError) error->code)
    {
    case KW_COGNITO_ERROR_TOO_MANY_REQUESTS:
    case KW_COGNITO_ERROR_THROTTLING:
    case KW_COGNITO_ERROR_INTERNAL_ERROR:
    case KW_COGNITO_ERROR_CONNECTION_REFUSED:
    case KW_COGNITO_ERROR_CONNECTION_RESET:
    case KW_COGNITO_ERROR_NETWORK_UNREACHABLE:
      return TRUE;

    case KW_COGNITO_ERROR_SERVER_ERROR:
      {
        guint status = kw_cognito_error_get_http_status (error);

        return status == 500 || status == 502 || status == 503 || status == 504;
      }

    default:
      return FALSE;
    }
}

/**
 * kw_retry_delay_ms:
 * @attempt: the attempt that just failed, from 1
 * @base_delay_ms: the delay scale
 * @random_fraction: a number in [0, 1), the jitter
 *
 * Truncated binary exponential backoff with full jitter, as the SDKs do:
 * random × min (base × 2^(attempt − 1), 20 s). The randomness is a
 * parameter so the schedule can be tested.
 *
 * Returns: how long to wait before the next attempt
 */
guint
kw_retry_delay_ms (guint  attempt,
                   guint  base_delay_ms,
                   double random_fraction)
{
  guint64 ceiling;

  g_return_val_if_fail (attempt >= 1, 0);
  g_return_val_if_fail (random_fraction >= 0.0 && random_fraction < 1.0, 0);

  ceiling = (guint64) base_delay_ms << MIN (attempt - 1, 20u);
  ceiling = MIN (ceiling, (guint64) KW_RETRY_MAX_DELAY_MS);

  return (guint) (random_fraction * (double) ceiling);
}
