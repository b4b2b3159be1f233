/* kw-endpoint.h
 *
 * Copyright 2026 The Keyway authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Errors are in KW_AWS_CONFIG_ERROR (INVALID_REGION, INVALID_ENDPOINT). */

gboolean  kw_endpoint_region_is_valid (const char  *region);
char     *kw_endpoint_for_region      (const char  *region,
                                       gboolean     use_fips,
                                       GError     **error);
gboolean  kw_endpoint_check_url       (const char  *url,
                                       GError     **error);
gboolean  kw_endpoint_host_is_loopback (const char *host);
char     *kw_endpoint_signing_region  (const char  *region);

G_END_DECLS
