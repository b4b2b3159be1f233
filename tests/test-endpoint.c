/* test-endpoint.c
 *
 * Copyright 2026 The Keyway authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "kw-endpoint.h"
#include "kw-aws-config.h"
#include "kw-test-utils.h"

static void
assert_endpoint (const char *region,
                 gboolean    use_fips,
                 const char *expected)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *url = kw_endpoint_for_region (region, use_fips, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (url, ==, expected);

  /* What we build, we must also accept as an endpoint. */
  g_assert_true (kw_endpoint_check_url (url, NULL));
}

static void
test_partitions (void)
{
  /* One region per partition of partitions.json, with the hosts the ruleset
   * and its test file give. */
  assert_endpoint ("us-east-1", FALSE, "https://cognito-idp.us-east-1.amazonaws.com");
  assert_endpoint ("eu-central-2", FALSE, "https://cognito-idp.eu-central-2.amazonaws.com");
  assert_endpoint ("ap-southeast-7", FALSE, "https://cognito-idp.ap-southeast-7.amazonaws.com");
  assert_endpoint ("il-central-1", FALSE, "https://cognito-idp.il-central-1.amazonaws.com");
  assert_endpoint ("mx-central-1", FALSE, "https://cognito-idp.mx-central-1.amazonaws.com");
  assert_endpoint ("cn-north-1", FALSE, "https://cognito-idp.cn-north-1.amazonaws.com.cn");
  assert_endpoint ("us-gov-west-1", FALSE, "https://cognito-idp.us-gov-west-1.amazonaws.com");
  assert_endpoint ("us-iso-east-1", FALSE, "https://cognito-idp.us-iso-east-1.c2s.ic.gov");
  assert_endpoint ("us-isob-east-1", FALSE, "https://cognito-idp.us-isob-east-1.sc2s.sgov.gov");
  assert_endpoint ("eu-isoe-west-1", FALSE, "https://cognito-idp.eu-isoe-west-1.cloud.adc-e.uk");
  assert_endpoint ("us-isof-south-1", FALSE, "https://cognito-idp.us-isof-south-1.csp.hci.ic.gov");
  assert_endpoint ("eusc-de-east-1", FALSE, "https://cognito-idp.eusc-de-east-1.amazonaws.eu");
}

static void
test_fips (void)
{
  assert_endpoint ("us-east-1", TRUE, "https://cognito-idp-fips.us-east-1.amazonaws.com");
  assert_endpoint ("us-gov-east-1", TRUE, "https://cognito-idp-fips.us-gov-east-1.amazonaws.com");
  assert_endpoint ("cn-northwest-1", TRUE,
                   "https://cognito-idp-fips.cn-northwest-1.amazonaws.com.cn");
  assert_endpoint ("us-iso-west-1", TRUE, "https://cognito-idp-fips.us-iso-west-1.c2s.ic.gov");
  assert_endpoint ("eusc-de-east-1", TRUE, "https://cognito-idp-fips.eusc-de-east-1.amazonaws.eu");
}

static void
test_pseudo_regions (void)
{
  static const char * const pseudo[][2] = {
    { "fips-us-east-1", "us-east-1" },
    { "fips-us-east-2", "us-east-2" },
    { "fips-us-west-1", "us-west-1" },
    { "fips-us-west-2", "us-west-2" },
    { "fips-us-gov-west-1", "us-gov-west-1" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (pseudo); i++)
    {
      g_autofree char *expected = g_strdup_printf ("https://cognito-idp-fips.%s.amazonaws.com",
                                                   pseudo[i][1]);
      g_autofree char *signing = kw_endpoint_signing_region (pseudo[i][0]);

      g_assert_true (kw_endpoint_region_is_valid (pseudo[i][0]));
      assert_endpoint (pseudo[i][0], FALSE, expected);
      assert_endpoint (pseudo[i][0], TRUE, expected);
      g_assert_cmpstr (signing, ==, pseudo[i][1]);
    }
}

static void
test_signing_region (void)
{
  g_autofree char *plain = kw_endpoint_signing_region ("eu-west-1");
  g_autofree char *gov = kw_endpoint_signing_region ("us-gov-east-1");

  g_assert_cmpstr (plain, ==, "eu-west-1");
  g_assert_cmpstr (gov, ==, "us-gov-east-1");
}

static void
test_invalid_regions (void)
{
  static const char * const invalid[] = {
    "", "us-east", "US-EAST-1", "us-East-1", "us east 1", " us-east-1", "us-east-1 ",
    "us-east-1\n", "us-east-", "us--1", "us-east-1a", "us_east-1", "zz-east-1",
    "../x", "us-east-1/../x", "https://cognito-idp.us-east-1.amazonaws.com",
    "fips-eu-west-1", "us-east-1-fips", "aws-global", "eusc-fr-east-1",
    "us-gov-west", "us-east-\xd9\xa1", "cn-north-1.evil.com",
  };
  g_autoptr(GError) no_region = NULL;
  g_autofree char *none = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (invalid); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *url = NULL;
      g_autofree char *expected = g_strdup_printf ("“%s” is not an AWS Region name, "
                                                   "such as us-east-1",
                                                   invalid[i]);

      g_test_message ("region “%s”", invalid[i]);
      g_assert_false (kw_endpoint_region_is_valid (invalid[i]));

      url = kw_endpoint_for_region (invalid[i], FALSE, &error);
      g_assert_null (url);
      if (*invalid[i] == '\0')
        {
          g_assert_error (error, KW_AWS_CONFIG_ERROR, KW_AWS_CONFIG_ERROR_NO_REGION);
          continue;
        }
      g_assert_error (error, KW_AWS_CONFIG_ERROR, KW_AWS_CONFIG_ERROR_INVALID_REGION);
      g_assert_cmpstr (error->message, ==, expected);
    }

  g_assert_false (kw_endpoint_region_is_valid (NULL));
  none = kw_endpoint_for_region (NULL, FALSE, &no_region);
  g_assert_null (none);
  g_assert_error (no_region, KW_AWS_CONFIG_ERROR, KW_AWS_CONFIG_ERROR_NO_REGION);
}

static void
test_check_url_accepts (void)
{
  static const char * const valid[] = {
    "https://cognito-idp.us-east-1.amazonaws.com",
    "https://cognito-idp.us-east-1.amazonaws.com/",
    "https://cognito.example:8443",
    "https://[2001:db8::1]",
    "https://cognito_local:9229",
    "http://127.0.0.1:9229",
    "http://127.10.20.30:9229",
    "http://[::1]:9229",
    "http://localhost:9229/",
    "http://LOCALHOST",
    "http://localhost.:9229",
    "HTTP://localhost:9229",
  };

  for (guint i = 0; i < G_N_ELEMENTS (valid); i++)
    {
      g_autoptr(GError) error = NULL;

      g_test_message ("URL %s", valid[i]);
      g_assert_true (kw_endpoint_check_url (valid[i], &error));
      g_assert_no_error (error);
    }
}

static void
test_check_url_refuses (void)
{
  static const struct {
    const char *url;
    const char *reason;
  } invalid[] = {
    { "http://example.com", "unencrypted" },
    { "http://10.0.0.1:9229", "unencrypted" },
    { "http://localhost.example.com", "unencrypted" },
    { "http://127.0.0.1.nip.io", "unencrypted" },
    { "http://0.0.0.0:9229", "unencrypted" },
    { "http://127.1:9229", "unencrypted" },
    { "http://[::ffff:10.0.0.1]", "unencrypted" },
    { "ftp://x", "https" },
    { "file:///etc/passwd", "https" },
    { "not a url", "absolute URL" },
    { "/relative/path", "absolute URL" },
    { "", "absolute URL" },
    { "https://user:pw1234@cognito.example", "user name or password" },
    { "https://user@cognito.example", "user name or password" },
    { "https://cognito.example/?Action=x", "path, query or fragment" },
    { "https://cognito.example/#x", "path, query or fragment" },
    { "https://cognito.example/prod", "path, query or fragment" },
    { "https://cognito.example//", "path, query or fragment" },
    { "https://", "host" },
    { "https:///path", "host" },
    { "https://exa%20mple.com", "host" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (invalid); i++)
    {
      g_autoptr(GError) error = NULL;

      g_test_message ("URL %s", invalid[i].url);
      g_assert_false (kw_endpoint_check_url (invalid[i].url, &error));
      g_assert_error (error, KW_AWS_CONFIG_ERROR, KW_AWS_CONFIG_ERROR_INVALID_ENDPOINT);
      if (strstr (error->message, invalid[i].reason) == NULL)
        g_error ("“%s” is not in “%s”", invalid[i].reason, error->message);

      /* A URL may carry a password; the message must not repeat it. */
      g_assert_null (strstr (error->message, "pw1234"));
    }
}

static void
test_plain_http_message (void)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (kw_endpoint_check_url ("http://cognito.example:9229", &error));
  g_assert_error (error, KW_AWS_CONFIG_ERROR, KW_AWS_CONFIG_ERROR_INVALID_ENDPOINT);
  g_assert_cmpstr (error->message, ==,
                   "Plain http to cognito.example would carry passwords and signed credentials "
                   "unencrypted; use https, or http only for a local emulator on "
                   "127.0.0.1, ::1 or localhost");
}

static void
test_loopback (void)
{
  static const char * const loopback[] = {
    "127.0.0.1", "127.255.255.254", "127.0.1.1", "::1", "[::1]",
    "0:0:0:0:0:0:0:1", "localhost", "LocalHost", "localhost.",
  };
  static const char * const remote[] = {
    "localhost.example.com", "127.0.0.1.nip.io", "0.0.0.0", "::", "[::]", "10.0.0.1",
    "128.0.0.1", "127.1", "127.0.0.01", "0x7f.0.0.1", "2130706433", "::ffff:127.0.0.1",
    "[::1", "::1]", "[]", "", "local", "localhost..", "mylocalhost", "example.com",
  };

  for (guint i = 0; i < G_N_ELEMENTS (loopback); i++)
    {
      g_test_message ("host %s", loopback[i]);
      g_assert_true (kw_endpoint_host_is_loopback (loopback[i]));
    }

  for (guint i = 0; i < G_N_ELEMENTS (remote); i++)
    {
      g_test_message ("host %s", remote[i]);
      g_assert_false (kw_endpoint_host_is_loopback (remote[i]));
    }

  g_assert_false (kw_endpoint_host_is_loopback (NULL));
}

int
main (int   argc,
      char *argv[])
{
  kw_test_init (&argc, &argv);

  g_test_add_func ("/keyway/endpoint/partitions", test_partitions);
  g_test_add_func ("/keyway/endpoint/fips", test_fips);
  g_test_add_func ("/keyway/endpoint/pseudo-regions", test_pseudo_regions);
  g_test_add_func ("/keyway/endpoint/signing-region", test_signing_region);
  g_test_add_func ("/keyway/endpoint/invalid-regions", test_invalid_regions);
  g_test_add_func ("/keyway/endpoint/check-url-accepts", test_check_url_accepts);
  g_test_add_func ("/keyway/endpoint/check-url-refuses", test_check_url_refuses);
  g_test_add_func ("/keyway/endpoint/plain-http-message", test_plain_http_message);
  g_test_add_func ("/keyway/endpoint/loopback", test_loopback);

  return g_test_run ();
}
