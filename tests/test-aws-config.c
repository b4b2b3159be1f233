/* test-aws-config.c
 *
 * Copyright 2026 The Keyway authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "kw-aws-config.h"
#include "kw-aws-config-private.h"
#include "kw-test-utils.h"

#include <glib/gstdio.h>
#include <unistd.h>

#define SECRET "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"

typedef struct
{
  char  *home;
  char **envp;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->home = g_dir_make_tmp ("keyway-aws-config-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->envp = g_environ_setenv (NULL, "HOME", fixture->home, TRUE);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      g_chmod (child, 0700);
      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        g_unlink (child);
    }

  g_rmdir (path);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  remove_tree (fixture->home);
  g_free (fixture->home);
  g_strfreev (fixture->envp);
}

static void
setenv_ (Fixture    *fixture,
         const char *name,
         const char *value)
{
  if (value != NULL)
    fixture->envp = g_environ_setenv (fixture->envp, name, value, TRUE);
  else
    fixture->envp = g_environ_unsetenv (fixture->envp, name);
}

/* Writes HOME/RELATIVE and returns its path. */
static char *
write_file (Fixture    *fixture,
            const char *relative,
            const char *contents,
            gssize      len)
{
  g_autofree char *path = g_build_filename (fixture->home, relative, NULL);
  g_autofree char *parent = g_path_get_dirname (path);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (parent, 0700), ==, 0);
  g_file_set_contents (path, contents, len, &error);
  g_assert_no_error (error);

  return g_steal_pointer (&path);
}

static void
write_config (Fixture    *fixture,
              const char *contents)
{
  g_free (write_file (fixture, ".aws/config", contents, -1));
}

static void
write_credentials (Fixture    *fixture,
                   const char *contents)
{
  g_free (write_file (fixture, ".aws/credentials", contents, -1));
}

static KwAwsSettings *
resolve (Fixture              *fixture,
         const KwAwsOverrides *overrides)
{
  g_autoptr(GError) error = NULL;
  KwAwsSettings *settings;

  settings = kw_aws_settings_resolve (overrides, (const char * const *) fixture->envp, &error);
  g_assert_no_error (error);
  g_assert_nonnull (settings);

  return settings;
}

static void
assert_contains (const char *message,
                 const char *needle)
{
  if (needle != NULL && strstr (message, needle) == NULL)
    g_error ("“%s” is not in “%s”", needle, message);
}

/* Resolves expecting an error of CODE whose message holds both needles and
 * never the test secret. */
static void
expect_error (Fixture              *fixture,
              const KwAwsOverrides *overrides,
              int                   code,
              const char           *needle,
              const char           *other_needle)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KwAwsSettings) settings = NULL;

  settings = kw_aws_settings_resolve (overrides, (const char * const *) fixture->envp, &error);
  g_assert_null (settings);
  g_assert_error (error, KW_AWS_CONFIG_ERROR, code);
  assert_contains (error->message, needle);
  assert_contains (error->message, other_needle);
  g_assert_null (strstr (error->message, SECRET));
}

/* Unusable credentials do not stop resolution: unsigned calls still work, and
 * signed ones report why. */
static void
expect_credentials_error (Fixture              *fixture,
                          const KwAwsOverrides *overrides,
                          int                   code,
                          const char           *needle,
                          const char           *other_needle)
{
  g_autoptr(KwAwsSettings) settings = NULL;
  g_autoptr(GError) error = NULL;

  settings = kw_aws_settings_resolve (overrides, (const char * const *) fixture->envp, &error);
  g_assert_no_error (error);
  g_assert_null (settings->credentials);
  g_assert_error (settings->credentials_error, KW_AWS_CONFIG_ERROR, code);
  assert_contains (settings->credentials_error->message, needle);
  assert_contains (settings->credentials_error->message, other_needle);
  g_assert_null (strstr (settings->credentials_error->message, SECRET));
}

static void
assert_region (Fixture              *fixture,
               const KwAwsOverrides *overrides,
               const char           *expected)
{
  g_autoptr(KwAwsSettings) settings = resolve (fixture, overrides);

  g_assert_cmpstr (settings->region, ==, expected);
}

static void
assert_endpoint (Fixture              *fixture,
                 const KwAwsOverrides *overrides,
                 const char           *expected)
{
  g_autoptr(KwAwsSettings) settings = resolve (fixture, overrides);

  g_assert_cmpstr (settings->endpoint_url, ==, expected);
}

static void
assert_credentials (const KwAwsSettings *settings,
                    const char          *key_id,
                    const char          *secret,
                    const char          *token,
                    const char          *source)
{
  g_assert_nonnull (settings->credentials);
  g_assert_cmpstr (settings->credentials->access_key_id, ==, key_id);
  g_assert_cmpstr (settings->credentials->secret_access_key, ==, secret);
  g_assert_cmpstr (settings->credentials->session_token, ==, token);
  g_assert_cmpstr (settings->credentials->source, ==, source);
}

static void
test_default_profile (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(KwAwsSettings) settings = NULL;

  write_config (fixture, "# comment\n[default]\nregion = eu-west-1\n\n"
                         "; another comment\n[profile work]\nregion=us-west-2\n");
  write_credentials (fixture, "[default]\naws_access_key_id = AKIDDEFAULT\n"
                              "aws_secret_access_key = " SECRET "\n");

  settings = resolve (fixture, NULL);
  g_assert_cmpstr (settings->profile, ==, "default");
  g_assert_cmpstr (settings->region, ==, "eu-west-1");
  g_assert_null (settings->endpoint_url);
  g_assert_false (settings->use_fips);
  assert_credentials (settings, "AKIDDEFAULT", SECRET, NULL, "profile default");
}

static void
test_profile_default_section (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(KwAwsSettings) settings = NULL;

  /* Both name the profile "default"; as in botocore, the later one is used
   * whole. */
  write_config (fixture, "[default]\nregion = eu-west-1\nuse_fips_endpoint = true\n"
                         "[profile default]\nregion = eu-west-2\n");
  settings = resolve (fixture, NULL);
  g_assert_cmpstr (settings->region, ==, "eu-west-2");
  g_assert_false (settings->use_fips);
}

static void
test_credentials_file_wins (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(KwAwsSettings) settings = NULL;
  KwAwsOverrides overrides = { .profile = "work" };

  write_config (fixture, "[profile work]\naws_access_key_id = AKIDCONFIG\n"
                         "aws_secret_access_key = configsecret\naws_session_token = configtoken\n");
  write_credentials (fixture, "[work]\naws_access_key_id = AKIDCREDS\n"
                              "aws_secret_access_key = credssecret\n");

  settings = resolve (fixture, &overrides);
  assert_credentials (settings, "AKIDCREDS", "credssecret", NULL, "profile work");
}

static void
test_credentials_file_settings (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autofree char *credentials_path = g_build_filename (fixture->home, ".aws", "credentials", NULL);

  /* botocore merges the credentials file's section over the profile, so
   * any setting there wins, not just the keys. */
  write_config (fixture, "[default]\nregion = eu-west-1\n");
  write_credentials (fixture, "[default]\nregion = eu-north-1\n");
  assert_region (fixture, NULL, "eu-north-1");

  write_credentials (fixture, "[default]\nregion = north\n");
  expect_error (fixture, NULL, KW_AWS_CONFIG_ERROR_INVALID_REGION, credentials_path, NULL);
}

static void
test_config_file_keys (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(KwAwsSettings) settings = NULL;

  write_config (fixture, "[profile \"two words\"]\naws_access_key_id = AKIDCONFIG\n"
                         "aws_secret_access_key = configsecret\n"
                         "aws_security_token = legacytoken\naws_session_token = newtoken\n");
  setenv_ (fixture, "AWS_PROFILE", "two words");

  settings = resolve (fixture, NULL);
  g_assert_cmpstr (settings->profile, ==, "two words");
  /* botocore reads the legacy name first. */
  assert_credentials (settings, "AKIDCONFIG", "configsecret", "legacytoken", "profile two words");
}

static void
test_environment_wins (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(KwAwsSettings) settings = NULL;
  g_autoptr(KwAwsSettings) legacy = NULL;

  write_credentials (fixture, "[work]\naws_access_key_id = AKIDCREDS\n"
                              "aws_secret_access_key = credssecret\n");
  setenv_ (fixture, "AWS_PROFILE", "work");
  setenv_ (fixture, "AWS_ACCESS_KEY_ID", "AKIDENV");
  setenv_ (fixture, "AWS_SECRET_ACCESS_KEY", SECRET);
  setenv_ (fixture, "AWS_SESSION_TOKEN", "envtoken");

  /* AWS_PROFILE chooses the profile but does not push the environment's
   * credentials aside; only --profile does. */
  settings = resolve (fixture, NULL);
  g_assert_cmpstr (settings->profile, ==, "work");
  assert_credentials (settings, "AKIDENV", SECRET, "envtoken", "environment");

  setenv_ (fixture, "AWS_SECURITY_TOKEN", "legacytoken");
  legacy = resolve (fixture, NULL);
  assert_credentials (legacy, "AKIDENV", SECRET, "legacytoken", "environment");
}

static void
test_explicit_profile_beats_environment (Fixture       *fixture,
                                         gconstpointer  data)
{
  g_autoptr(KwAwsSettings) settings = NULL;
  g_autoptr(KwAwsSettings) without_keys = NULL;
  KwAwsOverrides work = { .profile = "work" };
  KwAwsOverrides plain = { .profile = "plain" };

  write_config (fixture, "[profile plain]\nregion = us-east-1\n");
  write_credentials (fixture, "[work]\naws_access_key_id = AKIDCREDS\n"
                              "aws_secret_access_key = credssecret\n");
  setenv_ (fixture, "AWS_ACCESS_KEY_ID", "AKIDENV");
  setenv_ (fixture, "AWS_SECRET_ACCESS_KEY", SECRET);

  settings = resolve (fixture, &work);
  assert_credentials (settings, "AKIDCREDS", "credssecret", NULL, "profile work");

  /* botocore drops the environment from the chain altogether. */
  without_keys = resolve (fixture, &plain);
  g_assert_null (without_keys->credentials);
}

static void
test_profile_variables (Fixture       *fixture,
                        gconstpointer  data)
{
  KwAwsOverrides overrides = { .profile = "c" };

  write_config (fixture, "[profile a]\nregion = eu-west-1\n[profile b]\nregion = eu-west-2\n"
                         "[profile c]\nregion = eu-west-3\n");

  setenv_ (fixture, "AWS_PROFILE", "a");
  assert_region (fixture, NULL, "eu-west-1");

  /* botocore checks AWS_DEFAULT_PROFILE before AWS_PROFILE. */
  setenv_ (fixture, "AWS_DEFAULT_PROFILE", "b");
  assert_region (fixture, NULL, "eu-west-2");
  setenv_ (fixture, "AWS_PROFILE", NULL);
  assert_region (fixture, NULL, "eu-west-2");

  assert_region (fixture, &overrides, "eu-west-3");
}

static void
test_missing_profile (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(KwAwsSettings) settings = NULL;
  g_autofree char *config_path = g_build_filename (fixture->home, ".aws", "config", NULL);
  g_autofree char *credentials_path = g_build_filename (fixture->home, ".aws", "credentials", NULL);
  g_autofree char *both = g_strdup_printf ("%s or %s", config_path, credentials_path);
  KwAwsOverrides overrides = { .profile = "work" };

  write_config (fixture, "[profile other]\nregion = us-east-1\n"
                         "[sso-session work]\nsso_region = us-east-1\n");

  expect_error (fixture, &overrides, KW_AWS_CONFIG_ERROR_PROFILE_NOT_FOUND,
                "The config profile (work) could not be found", both);

  setenv_ (fixture, "AWS_PROFILE", "work");
  expect_error (fixture, NULL, KW_AWS_CONFIG_ERROR_PROFILE_NOT_FOUND, "(work)", NULL);

  /* Nobody asked for "default", so its absence is fine. */
  setenv_ (fixture, "AWS_PROFILE", NULL);
  settings = resolve (fixture, NULL);
  g_assert_cmpstr (settings->profile, ==, "default");
  g_assert_null (settings->region);
}

static void
test_missing_files (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(KwAwsSettings) settings = NULL;
  g_autoptr(KwAwsSettings) named = NULL;
  g_autofree char *missing = g_build_filename (fixture->home, "nowhere", "config", NULL);

  settings = resolve (fixture, NULL);
  g_assert_cmpstr (settings->profile, ==, "default");
  g_assert_null (settings->region);
  g_assert_null (settings->endpoint_url);
  g_assert_null (settings->credentials);

  /* The AWS CLI tolerates a named file that does not exist, too. */
  setenv_ (fixture, "AWS_CONFIG_FILE", missing);
  setenv_ (fixture, "AWS_SHARED_CREDENTIALS_FILE", "~/also/missing");
  named = resolve (fixture, NULL);
  g_assert_null (named->credentials);
}

static void
test_named_files (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(KwAwsSettings) settings = NULL;
  g_autofree char *config = write_file (fixture, "elsewhere/my-config",
                                        "[default]\nregion = ap-south-1\n", -1);

  g_free (write_file (fixture, "elsewhere/my-credentials",
                      "[default]\naws_access_key_id = AKIDNAMED\naws_secret_access_key = s\n", -1));
  write_config (fixture, "[default]\nregion = us-east-1\n");

  setenv_ (fixture, "AWS_CONFIG_FILE", config);
  setenv_ (fixture, "AWS_SHARED_CREDENTIALS_FILE", "~/elsewhere/my-credentials");
  settings = resolve (fixture, NULL);
  g_assert_cmpstr (settings->region, ==, "ap-south-1");
  assert_credentials (settings, "AKIDNAMED", "s", NULL, "profile default");
}

static void
test_malformed (Fixture       *fixture,
                gconstpointer  data)
{
  static const struct {
    const char *contents;
    int         line;
    const char *reason;
  } cases[] = {
    { "region = us-east-1\n", 1, "before the first setting" },
    { "# comment\n\n[default]\nregion = us-east-1\njust some text\n", 5,
      "expected “key = value”" },
    { "[default\nregion = us-east-1\n", 1, "closed by “]”" },
    { "[]\n", 1, "closed by “]”" },
    { "[default] region = us-east-1\n", 1, "closed by “]”" },
    { "[default]\n= us-east-1\n", 2, "expected “key = value”" },
    { "[default]\r\nregion = us-east-1\r\nregion us-east-2\r\n", 3, "expected “key = value”" },
    { "[services local]\ncognito_identity_provider =\n  endpoint_url http://localhost\n", 3,
      "sub-setting" },
    { "[default]\nregion = us-east-1\n[default]\n", 3, "repeats the one on line 1" },
    { "[default]\nregion = us-east-1\nREGION = us-east-2\n", 3, "repeats the one on line 2" },
    /* A secret that lost its "=" must not be quoted back. */
    { "[default]\nregion = us-east-1\naws_secret_access_key " SECRET "\n", 3, "expected" },
  };
  g_autofree char *path = NULL;
  g_autofree char *where = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *config = write_file (fixture, ".aws/config", cases[i].contents, -1);
      g_autofree char *at = g_strdup_printf ("%s, line %d: ", config, cases[i].line);
      g_autoptr(GError) error = NULL;
      g_auto(GStrv) profiles = NULL;

      g_test_message ("case %u", i);
      expect_error (fixture, NULL, KW_AWS_CONFIG_ERROR_PARSE, at, cases[i].reason);

      profiles = kw_aws_config_list_profiles ((const char * const *) fixture->envp, &error);
      g_assert_error (error, KW_AWS_CONFIG_ERROR, KW_AWS_CONFIG_ERROR_PARSE);
      g_assert_null (profiles);
    }

  /* The same for the credentials file, with a secret that lost its "=". */
  write_config (fixture, "[default]\n");
  path = write_file (fixture, ".aws/credentials",
                     "[default]\naws_access_key_id = AKID\n\n" SECRET "\n", -1);
  where = g_strdup_printf ("%s, line 4: ", path);
  expect_error (fixture, NULL, KW_AWS_CONFIG_ERROR_PARSE, where, "expected “key = value”");
}

static void
test_invalid_utf8 (Fixture       *fixture,
                   gconstpointer  data)
{
  static const char latin1[] = "[default]\nregion = us-east-1\nname = caf\xe9\n";
  static const char with_nul[] = "[default]\nregion = us-east-1\0\n";
  g_autofree char *path = write_file (fixture, ".aws/config", latin1, sizeof latin1 - 1);
  g_autofree char *where = g_strdup_printf ("%s, line 3: not valid UTF-8", path);
  g_autofree char *nul_where = g_strdup_printf ("%s, line 2: not valid UTF-8", path);

  expect_error (fixture, NULL, KW_AWS_CONFIG_ERROR_PARSE, where, NULL);

  g_free (write_file (fixture, ".aws/config", with_nul, sizeof with_nul - 1));
  expect_error (fixture, NULL, KW_AWS_CONFIG_ERROR_PARSE, nul_where, NULL);
}

static void
test_unreadable (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *folder = g_build_filename (fixture->home, "a-folder", NULL);
  g_autofree char *contents = g_strnfill (KW_AWS_CONFIG_MAX_FILE_SIZE + 1, '#');
  g_autofree char *big = write_file (fixture, ".aws/credentials", contents, -1);

  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  setenv_ (fixture, "AWS_CONFIG_FILE", folder);
  expect_error (fixture, NULL, KW_AWS_CONFIG_ERROR_READ, folder, "folder, not a file");

  setenv_ (fixture, "AWS_CONFIG_FILE", NULL);
  expect_error (fixture, NULL, KW_AWS_CONFIG_ERROR_READ, big, "larger than 1 MiB");
}

static void
test_permission_denied (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *path = write_file (fixture, "locked-credentials", "[default]\n", -1);

  g_assert_cmpint (g_chmod (path, 0), ==, 0);
  if (access (path, R_OK) == 0)
    {
      g_test_skip ("running with permission to read any file");
      return;
    }

  setenv_ (fixture, "AWS_SHARED_CREDENTIALS_FILE", path);
  expect_error (fixture, NULL, KW_AWS_CONFIG_ERROR_READ, path, "Permission denied");
}

static void
test_incomplete (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *credentials_path = g_build_filename (fixture->home, ".aws", "credentials", NULL);

  setenv_ (fixture, "AWS_ACCESS_KEY_ID", "AKIDENV");
  expect_credentials_error (fixture, NULL, KW_AWS_CONFIG_ERROR_INCOMPLETE,
                "AWS_ACCESS_KEY_ID is set but AWS_SECRET_ACCESS_KEY is not", NULL);

  setenv_ (fixture, "AWS_ACCESS_KEY_ID", NULL);
  setenv_ (fixture, "AWS_SECRET_ACCESS_KEY", SECRET);
  expect_credentials_error (fixture, NULL, KW_AWS_CONFIG_ERROR_INCOMPLETE,
                "AWS_SECRET_ACCESS_KEY is set but AWS_ACCESS_KEY_ID is not", NULL);

  setenv_ (fixture, "AWS_SECRET_ACCESS_KEY", NULL);
  write_credentials (fixture, "[default]\naws_secret_access_key = " SECRET "\n");
  expect_credentials_error (fixture, NULL, KW_AWS_CONFIG_ERROR_INCOMPLETE,
                "has aws_secret_access_key but no aws_access_key_id", credentials_path);
}

static void
test_unsupported (Fixture       *fixture,
                  gconstpointer  data)
{
  static const struct {
    const char *settings;
    const char *named;
  } cases[] = {
    { "role_arn = arn:aws:iam::123456789012:role/admin\nsource_profile = base\n", "role_arn" },
    /* The AWS CLI would act as the role, not as the keys' owner. */
    { "role_arn = arn:aws:iam::123456789012:role/admin\nsource_profile = work\n"
      "aws_access_key_id = AKIDCONFIG\naws_secret_access_key = s\n", "role_arn" },
    { "role_arn = arn:aws:iam::123456789012:role/ci\n"
      "web_identity_token_file = /var/run/token\n", "web_identity_token_file" },
    { "credential_process = /usr/bin/get-creds\n", "credential_process" },
    { "sso_session = corp\nsso_account_id = 123456789012\nsso_role_name = Admin\n", "sso_session" },
    { "sso_start_url = https://corp.awsapps.com/start\nsso_region = us-east-1\n", "sso_start_url" },
  };
  KwAwsOverrides overrides = { .profile = "work" };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *contents = g_strdup_printf ("[profile work]\n%s", cases[i].settings);

      g_test_message ("case %u", i);
      write_config (fixture, contents);
      expect_credentials_error (fixture, &overrides, KW_AWS_CONFIG_ERROR_UNSUPPORTED,
                                cases[i].named,
                                "aws configure export-credentials --profile work --format env)\", "
                                "then run Keyway without --profile");
    }

  /* Web identity from the environment (as on EKS) comes before any file. */
  setenv_ (fixture, "AWS_WEB_IDENTITY_TOKEN_FILE", "/var/run/token");
  write_credentials (fixture, "[default]\naws_access_key_id = AKID\naws_secret_access_key = s\n");
  expect_credentials_error (fixture, NULL, KW_AWS_CONFIG_ERROR_UNSUPPORTED,
                            "AWS_WEB_IDENTITY_TOKEN_FILE", NULL);
}

static void
test_credentials_before_process (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autoptr(KwAwsSettings) settings = NULL;

  /* Keys in the credentials file come before credential_process in
   * botocore's chain; keys in the config file come after it. */
  write_config (fixture, "[default]\ncredential_process = /usr/bin/get-creds\n");
  write_credentials (fixture, "[default]\naws_access_key_id = AKIDCREDS\n"
                              "aws_secret_access_key = s\n");
  settings = resolve (fixture, NULL);
  assert_credentials (settings, "AKIDCREDS", "s", NULL, "profile default");
}

static void
test_region (Fixture       *fixture,
             gconstpointer  data)
{
  KwAwsOverrides overrides = { .region = "ap-southeast-2" };

  write_config (fixture, "[default]\nregion = eu-central-1\n");
  assert_region (fixture, NULL, "eu-central-1");

  setenv_ (fixture, "AWS_DEFAULT_REGION", "eu-central-2");
  assert_region (fixture, NULL, "eu-central-2");

  setenv_ (fixture, "AWS_REGION", "us-gov-west-1");
  assert_region (fixture, NULL, "us-gov-west-1");

  assert_region (fixture, &overrides, "ap-southeast-2");
}

static void
test_invalid_region (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *config_path = g_build_filename (fixture->home, ".aws", "config", NULL);
  KwAwsOverrides overrides = { .region = "US-EAST-1" };

  /* Inline comments stay in the value, as in botocore. */
  write_config (fixture, "[default]\nregion = us-east-1 ; N. Virginia\n");
  expect_error (fixture, NULL, KW_AWS_CONFIG_ERROR_INVALID_REGION,
                "“us-east-1 ; N. Virginia” (from region of profile “default”", config_path);

  setenv_ (fixture, "AWS_REGION", "us-east");
  expect_error (fixture, NULL, KW_AWS_CONFIG_ERROR_INVALID_REGION,
                "“us-east” (from AWS_REGION) is not an AWS Region name", NULL);

  expect_error (fixture, &overrides, KW_AWS_CONFIG_ERROR_INVALID_REGION, "(from --region)", NULL);
}

static void
test_endpoint (Fixture       *fixture,
               gconstpointer  data)
{
  KwAwsOverrides overrides = { .endpoint_url = "https://override.example" };

  write_config (fixture, "[default]\nendpoint_url = https://profile.example\nservices = local\n\n"
                         "[services local]\ndynamodb =\n  endpoint_url = http://localhost:8000\n"
                         "cognito_identity_provider =\n\n  # the emulator\n"
                         "  endpoint_url = http://127.0.0.1:9229\n");
  assert_endpoint (fixture, NULL, "http://127.0.0.1:9229");

  setenv_ (fixture, "AWS_ENDPOINT_URL", "https://global.example");
  assert_endpoint (fixture, NULL, "https://global.example");

  setenv_ (fixture, "AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER", "https://service.example/");
  assert_endpoint (fixture, NULL, "https://service.example/");

  assert_endpoint (fixture, &overrides, "https://override.example");

  /* Without the services line, the profile's own endpoint_url is last. */
  write_config (fixture, "[default]\nendpoint_url = https://profile.example\n");
  setenv_ (fixture, "AWS_ENDPOINT_URL", NULL);
  setenv_ (fixture, "AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER", NULL);
  assert_endpoint (fixture, NULL, "https://profile.example");
}

static void
test_endpoint_ignored (Fixture       *fixture,
                       gconstpointer  data)
{
  KwAwsOverrides overrides = { .endpoint_url = "http://[::1]:9229" };

  write_config (fixture, "[default]\nendpoint_url = https://profile.example\n");
  setenv_ (fixture, "AWS_ENDPOINT_URL", "https://global.example");
  setenv_ (fixture, "AWS_IGNORE_CONFIGURED_ENDPOINT_URLS", "TRUE");
  assert_endpoint (fixture, NULL, NULL);
  assert_endpoint (fixture, &overrides, "http://[::1]:9229");

  /* The variable beats the profile setting, either way. */
  write_config (fixture, "[default]\nendpoint_url = https://profile.example\n"
                         "ignore_configured_endpoint_urls = true\n");
  setenv_ (fixture, "AWS_IGNORE_CONFIGURED_ENDPOINT_URLS", NULL);
  assert_endpoint (fixture, NULL, NULL);

  setenv_ (fixture, "AWS_IGNORE_CONFIGURED_ENDPOINT_URLS", "false");
  assert_endpoint (fixture, NULL, "https://global.example");
}

static void
test_invalid_endpoint (Fixture       *fixture,
                       gconstpointer  data)
{
  KwAwsOverrides overrides = { .endpoint_url = "https://admin:" SECRET "@cognito.example" };

  setenv_ (fixture, "AWS_ENDPOINT_URL", "http://example.com");
  expect_error (fixture, NULL, KW_AWS_CONFIG_ERROR_INVALID_ENDPOINT,
                "The endpoint from AWS_ENDPOINT_URL is not usable", "unencrypted");

  expect_error (fixture, &overrides, KW_AWS_CONFIG_ERROR_INVALID_ENDPOINT, "--endpoint-url", NULL);

  setenv_ (fixture, "AWS_ENDPOINT_URL", NULL);
  write_config (fixture, "[default]\nservices = nowhere\n");
  expect_error (fixture, NULL, KW_AWS_CONFIG_ERROR_INVALID_ENDPOINT,
                "no [services nowhere] section", NULL);
}

static void
test_fips (Fixture       *fixture,
           gconstpointer  data)
{
  KwAwsOverrides overrides = { .endpoint_url = "https://cognito.example" };
  KwAwsSettings *settings;

  write_config (fixture, "[default]\nuse_fips_endpoint = true\n");
  settings = resolve (fixture, NULL);
  g_assert_true (settings->use_fips);
  kw_aws_settings_free (settings);

  setenv_ (fixture, "AWS_USE_FIPS_ENDPOINT", "false");
  settings = resolve (fixture, NULL);
  g_assert_false (settings->use_fips);
  kw_aws_settings_free (settings);

  setenv_ (fixture, "AWS_USE_FIPS_ENDPOINT", "true");
  expect_error (fixture, &overrides, KW_AWS_CONFIG_ERROR_INVALID_ENDPOINT,
                "FIPS and custom endpoint are not supported", "--endpoint-url");
}

static void
test_list_profiles (Fixture       *fixture,
                    gconstpointer  data)
{
  static const char * const expected[] = { "ci", "default", "two words", "work", NULL };
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) profiles = NULL;
  g_auto(GStrv) none = NULL;

  none = kw_aws_config_list_profiles ((const char * const *) fixture->envp, &error);
  g_assert_no_error (error);
  g_assert_nonnull (none);
  g_assert_cmpuint (g_strv_length (none), ==, 0);

  write_config (fixture, "[default]\n[profile work]\n[profile \"two words\"]\n[profile default]\n"
                         "[sso-session corp]\n[services local]\n[preview]\n[profilework]\n");
  write_credentials (fixture, "[work]\n[ci]\n");
  profiles = kw_aws_config_list_profiles ((const char * const *) fixture->envp, &error);
  g_assert_no_error (error);
  g_assert_true (g_strv_equal ((const char * const *) profiles, expected));
}

static void
test_ini_syntax (void)
{
  static const char text[] =
    "\xef\xbb\xbf[default]\r"
    "Region: eu-west-1\r\n"
    "aws_secret_access_key = abc=def;#x\n"
    "s3 =\n"
    "  addressing_style = path\n"
    "  Signature_Version=s3v4\n"
    "cli_pager = less\n"
    "  -R\n"
    "\n"
    "  -F\n"
    "[ default ]\n"
    "empty =\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(KwAwsIni) ini = kw_aws_ini_parse ("test", text, sizeof text - 1, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (kw_aws_ini_get_n_sections (ini), ==, 2);
  g_assert_cmpstr (kw_aws_ini_get_section_name (ini, 1), ==, " default ");
  g_assert_cmpstr (kw_aws_ini_lookup (ini, "default", "region"), ==, "eu-west-1");
  g_assert_cmpstr (kw_aws_ini_lookup (ini, "default", "aws_secret_access_key"), ==, "abc=def;#x");
  g_assert_null (kw_aws_ini_lookup (ini, "default", "s3"));
  g_assert_cmpstr (kw_aws_ini_lookup_sub (ini, "default", "s3", "addressing_style"), ==, "path");
  g_assert_cmpstr (kw_aws_ini_lookup_sub (ini, "default", "s3", "Signature_Version"), ==, "s3v4");
  g_assert_cmpstr (kw_aws_ini_lookup (ini, "default", "cli_pager"), ==, "less\n-R\n\n-F");
  g_assert_cmpstr (kw_aws_ini_lookup (ini, " default ", "empty"), ==, "");
  g_assert_null (kw_aws_ini_lookup (ini, "default", "missing"));
}

int
main (int   argc,
      char *argv[])
{
  kw_test_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add ("/keyway/aws-config/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("default-profile", test_default_profile);
  ADD ("profile-default-section", test_profile_default_section);
  ADD ("credentials-file-wins", test_credentials_file_wins);
  ADD ("credentials-file-settings", test_credentials_file_settings);
  ADD ("config-file-keys", test_config_file_keys);
  ADD ("environment-wins", test_environment_wins);
  ADD ("explicit-profile-beats-environment", test_explicit_profile_beats_environment);
  ADD ("profile-variables", test_profile_variables);
  ADD ("missing-profile", test_missing_profile);
  ADD ("missing-files", test_missing_files);
  ADD ("named-files", test_named_files);
  ADD ("malformed", test_malformed);
  ADD ("invalid-utf8", test_invalid_utf8);
  ADD ("unreadable", test_unreadable);
  ADD ("permission-denied", test_permission_denied);
  ADD ("incomplete", test_incomplete);
  ADD ("unsupported", test_unsupported);
  ADD ("credentials-before-process", test_credentials_before_process);
  ADD ("region", test_region);
  ADD ("invalid-region", test_invalid_region);
  ADD ("endpoint", test_endpoint);
  ADD ("endpoint-ignored", test_endpoint_ignored);
  ADD ("invalid-endpoint", test_invalid_endpoint);
  ADD ("fips", test_fips);
  ADD ("list-profiles", test_list_profiles);

#undef ADD

  g_test_add_func ("/keyway/aws-config/ini-syntax", test_ini_syntax);

  return g_test_run ();
}
