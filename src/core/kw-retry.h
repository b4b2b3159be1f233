/* kw-retry.h
 *
 * Copyright 2026 The Keyway authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define KW_RETRY_DEFAULT_MAX_ATTEMPTS 3
#define KW_RETRY_DEFAULT_BASE_DELAY_MS 1000
#define KW_RETRY_MAX_DELAY_MS 20000

gboolean kw_retry_is_retryable (const GError *error);
guint    kw_retry_delay_ms     (guint         attempt,
                                guint         base_delay_ms,
                                double        random_fraction);

G_END_DECLS
