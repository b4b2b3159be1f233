/* kw-endpoint.c
 *
 * Copyright 2026 The Keyway authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "kw-endpoint.h"

#include "kw-aws-config.h"

#include <gio/gio.h>
#include <string.h>

/* The partitions of botocore's partitions.json. Every partition's regionRegex
 * has the form ^PREFIX\w+\-\d+$, so a prefix and a dnsSuffix are all we need.
 * The longer prefixes come first so "us-gov-" wins over "us-". */
typedef struct
{
  const char *prefix;
  const char *dns_suffix;
} Partition;

static const Partition partitions[] = {
  { "us-gov-",  "amazonaws.com" },     /* aws-us-gov */
  { "us-iso-",  "c2s.ic.gov" },        /* aws-iso */
  { "us-isob-", "sc2s.sgov.gov" },     /* aws-iso-b */
  { "us-isof-", "csp.hci.ic.gov" },    /* aws-iso-f */
  { "eu-isoe-", "cloud.adc-e.uk" },    /* aws-iso-e */
  { "eusc-de-", "amazonaws.eu" },      /* aws-eusc */
  { "cn-",      "amazonaws.com.cn" },  /* aws-cn */
  { "us-",      "amazonaws.com" },     /* aws */
  { "eu-",      "amazonaws.com" },
  { "ap-",      "amazonaws.com" },
  { "sa-",      "amazonaws.com" },
  { "ca-",      "amazonaws.com" },
  { "me-",      "amazonaws.com" },
  { "af-",      "amazonaws.com" },
  { "il-",      "amazonaws.com" },
  { "mx-",      "amazonaws.com" },
};

/* The deprecated pseudo-regions that endpoints.json lists for cognito-idp.
 * They name the FIPS host of a real region, which is also the signing region. */
static const char * const fips_pseudo_regions[] = {
  "fips-us-east-1",
  "fips-us-east-2",
  "fips-us-west-1",
  "fips-us-west-2",
  "fips-us-gov-west-1",
};

#define FIPS_PSEUDO_PREFIX "fips-"

/* The regex uses \w and \d, which in Python also match capitals, '_' and
 * non-ASCII digits; no real region has those, and refusing them keeps a
 * typo such as "US-EAST-1" from turning into a host that does not exist. */
static gboolean
is_region_word (const char *str,
                gsize       len)
{
  if (len == 0)
    return FALSE;

  for (gsize i = 0; i < len; i++)
    {
      if (!g_ascii_islower (str[i]) && !g_ascii_isdigit (str[i]))
        return FALSE;
    }

  return TRUE;
}

static gboolean
is_region_number (const char *str)
{
  if (*str == '\0')
    return FALSE;

  for (; *str != '\0'; str++)
    {
      if (!g_ascii_isdigit (*str))
        return FALSE;
    }

  return TRUE;
}

static const Partition *
find_partition (const char *region)
{
  for (guint i = 0; i < G_N_ELEMENTS (partitions); i++)
    {
      const char *rest;
      const char *dash;

      if (!g_str_has_prefix (region, partitions[i].prefix))
        continue;

      rest = region + strlen (partitions[i].prefix);
      dash = strchr (rest, '-');
      if (dash != NULL &&
          is_region_word (rest, dash - rest) &&
          is_region_number (dash + 1))
        return &partitions[i];
    }

  return NULL;
}

static gboolean
is_fips_pseudo_region (const char *region)
{
  for (guint i = 0; i < G_N_ELEMENTS (fips_pseudo_regions); i++)
    {
      if (strcmp (region, fips_pseudo_regions[i]) == 0)
        return TRUE;
    }

  return FALSE;
}

/**
 * kw_endpoint_region_is_valid:
 * @region: (nullable): a region name
 *
 * Whether @region belongs to one of the AWS partitions (by the partition's
 * region pattern, as the endpoint ruleset decides it), or is one of the
 * deprecated `fips-*` pseudo-regions listed for Cognito.
 *
 * Returns: %TRUE for a region name such as us-east-1
 */
gboolean
kw_endpoint_region_is_valid (const char *region)
{
  if (region == NULL)
    return FALSE;

  return is_fips_pseudo_region (region) || find_partition (region) != NULL;
}

/**
 * kw_endpoint_signing_region:
 * @region: a region name
 *
 * The region that goes into the SigV4 credential scope: the real region
 * behind a `fips-*` pseudo-region, otherwise @region itself.
 *
 * Returns: (transfer full): the signing region
 */
char *
kw_endpoint_signing_region (const char *region)
{
  g_return_val_if_fail (region != NULL, NULL);

  if (is_fips_pseudo_region (region))
    return g_strdup (region + strlen (FIPS_PSEUDO_PREFIX));

  return g_strdup (region);
}

/**
 * kw_endpoint_for_region:
 * @region: (nullable): a region name
 * @use_fips: whether to use the FIPS endpoint
 * @error: return location for a #KW_AWS_CONFIG_ERROR
 *
 * The Cognito user pools endpoint of @region, as the endpoint ruleset builds
 * it. A `fips-*` pseudo-region always gives the FIPS host.
 *
 * Returns: (transfer full): an https URL, or %NULL with
 *   %KW_AWS_CONFIG_ERROR_NO_REGION or %KW_AWS_CONFIG_ERROR_INVALID_REGION
 */
char *
kw_endpoint_for_region (const char  *region,
                        gboolean     use_fips,
                        GError     **error)
{
  const Partition *partition;
  g_autofree char *real_region = NULL;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (region == NULL || *region == '\0')
    {
      g_set_error_literal (error, KW_AWS_CONFIG_ERROR, KW_AWS_CONFIG_ERROR_NO_REGION,
                           "No AWS Region is set; pass --region or set AWS_REGION");
      return NULL;
    }

  if (!kw_endpoint_region_is_valid (region))
    {
      g_set_error (error, KW_AWS_CONFIG_ERROR, KW_AWS_CONFIG_ERROR_INVALID_REGION,
                   "“%s” is not an AWS Region name, such as us-east-1", region);
      return NULL;
    }

  real_region = kw_endpoint_signing_region (region);
  if (strcmp (real_region, region) != 0)
    use_fips = TRUE;

  partition = find_partition (real_region);
  g_assert (partition != NULL);

  return g_strdup_printf ("https://%s.%s.%s",
                          use_fips ? "cognito-idp-fips" : "cognito-idp",
                          real_region,
                          partition->dns_suffix);
}

/**
 * kw_endpoint_host_is_loopback:
 * @host: (nullable): a host name or IP address, IPv6 with or without brackets
 *
 * Whether @host certainly stays on this machine: 127.0.0.0/8, ::1 or
 * "localhost". Names that merely start with one of those (such as
 * localhost.example.com or 127.0.0.1.nip.io) are resolved by DNS and may
 * point anywhere, so they do not count.
 *
 * Returns: %TRUE for a loopback host
 */
gboolean
kw_endpoint_host_is_loopback (const char *host)
{
  g_autofree char *bare = NULL;
  g_autoptr(GInetAddress) address = NULL;
  gsize len;

  if (host == NULL)
    return FALSE;

  if (g_ascii_strcasecmp (host, "localhost") == 0 ||
      g_ascii_strcasecmp (host, "localhost.") == 0)
    return TRUE;

  len = strlen (host);
  if (len > 2 && host[0] == '[' && host[len - 1] == ']')
    bare = g_strndup (host + 1, len - 2);
  else
    bare = g_strdup (host);

  /* g_inet_address_new_from_string() takes only the strict dotted quad and
   * IPv6 forms, not "127.1" or "0x7f.1". */
  address = g_inet_address_new_from_string (bare);
  if (address == NULL)
    return FALSE;

  return g_inet_address_get_is_loopback (address);
}

/* Host names reach libsoup and the TLS layer; anything beyond the DNS
 * alphabet (plus '_' for container names) is more likely a mistake or an
 * attempt to confuse a log reader than a real endpoint. */
static gboolean
host_is_plausible (const char *host)
{
  g_autoptr(GInetAddress) address = NULL;

  if (host == NULL || *host == '\0')
    return FALSE;

  if (strchr (host, ':') != NULL)
    {
      address = g_inet_address_new_from_string (host);
      return address != NULL;
    }

  for (const char *p = host; *p != '\0'; p++)
    {
      if (!g_ascii_isalnum (*p) && *p != '-' && *p != '.' && *p != '_')
        return FALSE;
    }

  return TRUE;
}

/**
 * kw_endpoint_check_url:
 * @url: an endpoint URL from --endpoint-url, the environment or a profile
 * @error: return location for a %KW_AWS_CONFIG_ERROR_INVALID_ENDPOINT error
 *
 * Checks that @url can be used as a Cognito endpoint: an absolute https URL
 * (http only to a loopback host, for a local emulator) without user info,
 * query or fragment, and at most "/" as the path, since every request of the
 * JSON protocol goes to the root.
 *
 * The error messages never repeat @url: a URL with user info or a query may
 * carry a password.
 *
 * Returns: %TRUE if @url is acceptable
 */
gboolean
kw_endpoint_check_url (const char  *url,
                       GError     **error)
{
  g_autoptr(GUri) uri = NULL;
  const char *scheme;
  const char *host;
  const char *path;

  g_return_val_if_fail (url != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);
  if (uri == NULL)
    {
      g_set_error_literal (error, KW_AWS_CONFIG_ERROR, KW_AWS_CONFIG_ERROR_INVALID_ENDPOINT,
                           "The endpoint is not an absolute URL such as "
                           "https://cognito-idp.us-east-1.amazonaws.com");
      return FALSE;
    }

  scheme = g_uri_get_scheme (uri);
  host = g_uri_get_host (uri);
  path = g_uri_get_path (uri);

  if (g_strcmp0 (scheme, "https") != 0 && g_strcmp0 (scheme, "http") != 0)
    {
      g_set_error_literal (error, KW_AWS_CONFIG_ERROR, KW_AWS_CONFIG_ERROR_INVALID_ENDPOINT,
                           "The endpoint must be an https URL");
      return FALSE;
    }

  if (g_uri_get_userinfo (uri) != NULL)
    {
      g_set_error_literal (error, KW_AWS_CONFIG_ERROR, KW_AWS_CONFIG_ERROR_INVALID_ENDPOINT,
                           "The endpoint must not contain a user name or password");
      return FALSE;
    }

  if (!host_is_plausible (host))
    {
      g_set_error_literal (error, KW_AWS_CONFIG_ERROR, KW_AWS_CONFIG_ERROR_INVALID_ENDPOINT,
                           "The endpoint has no valid host name");
      return FALSE;
    }

  if ((*path != '\0' && strcmp (path, "/") != 0) ||
      g_uri_get_query (uri) != NULL ||
      g_uri_get_fragment (uri) != NULL)
    {
      g_set_error_literal (error, KW_AWS_CONFIG_ERROR, KW_AWS_CONFIG_ERROR_INVALID_ENDPOINT,
                           "The endpoint must be just a scheme, host and port: "
                           "Cognito takes every request at “/”, so a path, "
                           "query or fragment cannot be right");
      return FALSE;
    }

  if (strcmp (scheme, "http") == 0 && !kw_endpoint_host_is_loopback (host))
    {
      g_set_error (error, KW_AWS_CONFIG_ERROR, KW_AWS_CONFIG_ERROR_INVALID_ENDPOINT,
                   "Plain http to %s would carry passwords and signed credentials "
                   "unencrypted; use https, or http only for a local emulator on "
                   "127.0.0.1, ::1 or localhost", host);
      return FALSE;
    }

  return TRUE;
}
