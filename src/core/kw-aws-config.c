/* kw-aws-config.c
 *
 * Copyright 2026 The Keyway authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "kw-aws-config.h"
#include "kw-aws-config-private.h"

#include "kw-endpoint.h"

#include <string.h>

G_DEFINE_QUARK (kw-aws-config-error-quark, kw_aws_config_error)

#define ENDPOINT_URL_SERVICE_VARIABLE "AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER"
#define SERVICES_KEY                  "cognito_identity_provider"

/* Resolution, following the AWS CLI (botocore's session, credential chain and
 * ConfiguredEndpointProvider). */

typedef struct
{
  char     *config_path;
  char     *credentials_path;
  KwAwsIni *config;
  KwAwsIni *credentials;
} Files;

typedef struct
{
  const Files *files;
  const char  *name;
  const char  *config_section;  /* nullable: not in the config file */
  gboolean     in_credentials;
} Profile;

static void
files_clear (Files *files)
{
  g_clear_pointer (&files->config_path, g_free);
  g_clear_pointer (&files->credentials_path, g_free);
  g_clear_pointer (&files->config, kw_aws_ini_free);
  g_clear_pointer (&files->credentials, kw_aws_ini_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Files, files_clear)

/* An empty variable counts as unset, as an empty value in a file does. */
static const char *
env_get (const char * const *envp,
         const char         *name)
{
  const char *value = g_environ_getenv ((char **) envp, name);

  return value != NULL && *value != '\0' ? value : NULL;
}

static const char *
nonempty (const char *value)
{
  return value != NULL && *value != '\0' ? value : NULL;
}

static char *
file_path (const char * const *envp,
           const char         *variable,
           const char         *basename)
{
  const char *home = env_get (envp, "HOME");
  const char *value = env_get (envp, variable);

  if (home == NULL)
    home = g_get_home_dir ();

  if (value == NULL)
    return g_build_filename (home, ".aws", basename, NULL);
  if (strcmp (value, "~") == 0)
    return g_strdup (home);
  if (g_str_has_prefix (value, "~/"))
    return g_build_filename (home, value + 2, NULL);

  return g_strdup (value);
}

static gboolean
load_files (const char * const  *envp,
            Files               *files,
            GError             **error)
{
  files->config_path = file_path (envp, "AWS_CONFIG_FILE", "config");
  files->credentials_path = file_path (envp, "AWS_SHARED_CREDENTIALS_FILE", "credentials");

  files->config = kw_aws_ini_load (files->config_path, error);
  if (files->config == NULL)
    return FALSE;

  files->credentials = kw_aws_ini_load (files->credentials_path, error);

  return files->credentials != NULL;
}

/* The NAME of a "[KIND NAME]" section, split the way botocore splits it
 * (shlex), so [profile "my work"] names the profile my work. */
static char *
section_name_of_kind (const char *section,
                      const char *kind)
{
  g_auto(GStrv) words = NULL;
  int n_words = 0;

  if (!g_str_has_prefix (section, kind))
    return NULL;

  if (!g_shell_parse_argv (section, &n_words, &words, NULL) ||
      n_words != 2 || strcmp (words[0], kind) != 0)
    return NULL;

  return g_strdup (words[1]);
}

static char *
config_section_profile (const char *section)
{
  if (strcmp (section, "default") == 0)
    return g_strdup ("default");

  return section_name_of_kind (section, "profile");
}

/* The last matching section wins, as in botocore's dict of profiles, so a
 * [profile default] after [default] replaces it. */
static const char *
find_config_section (const KwAwsIni *config,
                     const char     *kind,
                     const char     *name)
{
  const char *found = NULL;

  for (guint i = 0; i < kw_aws_ini_get_n_sections (config); i++)
    {
      const char *section = kw_aws_ini_get_section_name (config, i);
      g_autofree char *section_name = NULL;

      if (strcmp (kind, "profile") == 0)
        section_name = config_section_profile (section);
      else
        section_name = section_name_of_kind (section, kind);

      if (g_strcmp0 (section_name, name) == 0)
        found = section;
    }

  return found;
}

/* The credentials file's values win over the config file's for every key,
 * as botocore merges the two. */
static const char *
profile_get (const Profile  *profile,
             const char     *key,
             const char    **path)
{
  const char *value = NULL;

  if (profile->in_credentials)
    {
      value = nonempty (kw_aws_ini_lookup (profile->files->credentials, profile->name, key));
      if (value != NULL && path != NULL)
        *path = profile->files->credentials_path;
    }

  if (value == NULL && profile->config_section != NULL)
    {
      value = nonempty (kw_aws_ini_lookup (profile->files->config, profile->config_section, key));
      if (value != NULL && path != NULL)
        *path = profile->files->config_path;
    }

  return value;
}

static char *
describe_setting (const Profile *profile,
                  const char    *key,
                  const char    *path)
{
  return g_strdup_printf ("%s of profile “%s” (%s)", key, profile->name, path);
}

static gboolean
is_true (const char * const *envp,
         const char         *variable,
         const Profile      *profile,
         const char         *key)
{
  const char *value = env_get (envp, variable);

  if (value == NULL)
    value = profile_get (profile, key, NULL);

  return value != NULL && g_ascii_strcasecmp (value, "true") == 0;
}

static gboolean
set_unsupported (GError        **error,
                 const Profile  *profile,
                 const char     *setting,
                 const char     *what,
                 gboolean        explicit_profile)
{
  g_autofree char *quoted = NULL;
  gboolean plain = TRUE;

  for (const char *p = profile->name; *p != '\0'; p++)
    plain = plain && (g_ascii_isalnum (*p) || strchr ("-_.@+", *p) != NULL);
  quoted = plain ? g_strdup (profile->name) : g_shell_quote (profile->name);

  g_set_error (error, KW_AWS_CONFIG_ERROR, KW_AWS_CONFIG_ERROR_UNSUPPORTED,
               "Profile “%s” gets its credentials through %s (%s), which Keyway "
               "does not support. Export temporary credentials first, for example with "
               "eval \"$(aws configure export-credentials --profile %s --format env)\"%s",
               profile->name, setting, what, quoted,
               explicit_profile ? ", then run Keyway without --profile" : "");

  return FALSE;
}

static gboolean
read_static_keys (const KwAwsIni     *ini,
                  const char         *section,
                  const char         *path,
                  const Profile      *profile,
                  KwAwsCredentials  **credentials,
                  GError            **error)
{
  const char *key_id = nonempty (kw_aws_ini_lookup (ini, section, "aws_access_key_id"));
  const char *secret = nonempty (kw_aws_ini_lookup (ini, section, "aws_secret_access_key"));
  const char *token;
  g_autofree char *source = NULL;

  if (key_id == NULL && secret == NULL)
    return TRUE;

  if (key_id == NULL || secret == NULL)
    {
      g_set_error (error, KW_AWS_CONFIG_ERROR, KW_AWS_CONFIG_ERROR_INCOMPLETE,
                   "Profile “%s” in %s has %s but no %s", profile->name, path,
                   key_id != NULL ? "aws_access_key_id" : "aws_secret_access_key",
                   key_id != NULL ? "aws_secret_access_key" : "aws_access_key_id");
      return FALSE;
    }

  /* botocore looks at the legacy name first. */
  token = nonempty (kw_aws_ini_lookup (ini, section, "aws_security_token"));
  if (token == NULL)
    token = nonempty (kw_aws_ini_lookup (ini, section, "aws_session_token"));

  source = g_strdup_printf ("profile %s", profile->name);
  *credentials = kw_aws_credentials_new (key_id, secret, token, source);

  return TRUE;
}

/* botocore's chain: environment; then the providers that need STS or SSO
 * (role_arn, web identity, SSO) even when the profile also has keys, since
 * the AWS CLI would act as that role, not as the keys' owner; then the
 * credentials file's keys; credential_process; the config file's keys. An
 * explicit --profile removes the environment from the chain. */
static gboolean
resolve_credentials (const Profile       *profile,
                     const char * const  *envp,
                     gboolean             explicit_profile,
                     KwAwsCredentials   **credentials,
                     GError             **error)
{
  const char *sso_setting;

  if (!explicit_profile)
    {
      const char *key_id = env_get (envp, "AWS_ACCESS_KEY_ID");
      const char *secret = env_get (envp, "AWS_SECRET_ACCESS_KEY");
      const char *token = env_get (envp, "AWS_SECURITY_TOKEN");

      if (token == NULL)
        token = env_get (envp, "AWS_SESSION_TOKEN");

      if (key_id != NULL && secret != NULL)
        {
          *credentials = kw_aws_credentials_new (key_id, secret, token, "environment");
          return TRUE;
        }

      if (key_id != NULL || secret != NULL)
        {
          g_set_error (error, KW_AWS_CONFIG_ERROR, KW_AWS_CONFIG_ERROR_INCOMPLETE,
                       "%s is set but %s is not",
                       key_id != NULL ? "AWS_ACCESS_KEY_ID" : "AWS_SECRET_ACCESS_KEY",
                       key_id != NULL ? "AWS_SECRET_ACCESS_KEY" : "AWS_ACCESS_KEY_ID");
          return FALSE;
        }

      if (env_get (envp, "AWS_WEB_IDENTITY_TOKEN_FILE") != NULL)
        return set_unsupported (error, profile, "AWS_WEB_IDENTITY_TOKEN_FILE",
                                "a web identity token", explicit_profile);
    }

  if (profile_get (profile, "web_identity_token_file", NULL) != NULL)
    return set_unsupported (error, profile, "web_identity_token_file",
                            "a web identity token", explicit_profile);

  if (profile_get (profile, "role_arn", NULL) != NULL)
    return set_unsupported (error, profile, "role_arn",
                            "assuming an IAM role", explicit_profile);

  sso_setting = profile_get (profile, "sso_session", NULL) != NULL ? "sso_session" : "sso_start_url";
  if (profile_get (profile, "sso_account_id", NULL) != NULL ||
      profile_get (profile, "sso_role_name", NULL) != NULL)
    return set_unsupported (error, profile, sso_setting, "IAM Identity Center", explicit_profile);

  if (profile->in_credentials &&
      !read_static_keys (profile->files->credentials, profile->name,
                         profile->files->credentials_path, profile, credentials, error))
    return FALSE;
  if (*credentials != NULL)
    return TRUE;

  if (profile_get (profile, "credential_process", NULL) != NULL)
    return set_unsupported (error, profile, "credential_process",
                            "an external program", explicit_profile);

  if (profile->config_section != NULL &&
      !read_static_keys (profile->files->config, profile->config_section,
                         profile->files->config_path, profile, credentials, error))
    return FALSE;
  if (*credentials != NULL)
    return TRUE;

  /* The AWS CLI would find no credentials here either; saying why is kinder. */
  if (profile_get (profile, "sso_session", NULL) != NULL ||
      profile_get (profile, "sso_start_url", NULL) != NULL)
    return set_unsupported (error, profile, sso_setting, "IAM Identity Center", explicit_profile);

  return TRUE;
}

static gboolean
resolve_region (const KwAwsOverrides  *overrides,
                const char * const    *envp,
                const Profile         *profile,
                char                 **region,
                GError               **error)
{
  const char *value;
  const char *path = NULL;
  g_autofree char *where = NULL;

  if ((value = nonempty (overrides->region)) != NULL)
    where = g_strdup ("--region");
  else if ((value = env_get (envp, "AWS_REGION")) != NULL)
    where = g_strdup ("AWS_REGION");
  else if ((value = env_get (envp, "AWS_DEFAULT_REGION")) != NULL)
    where = g_strdup ("AWS_DEFAULT_REGION");
  else if ((value = profile_get (profile, "region", &path)) != NULL)
    where = describe_setting (profile, "region", path);
  else
    return TRUE;

  if (!kw_endpoint_region_is_valid (value))
    {
      g_set_error (error, KW_AWS_CONFIG_ERROR, KW_AWS_CONFIG_ERROR_INVALID_REGION,
                   "“%s” (from %s) is not an AWS Region name, such as us-east-1",
                   value, where);
      return FALSE;
    }

  *region = g_strdup (value);

  return TRUE;
}

/* The endpoint_url of the profile's [services NAME] section, under
 * "cognito_identity_provider =". */
static gboolean
services_endpoint (const Profile  *profile,
                   const char    **url,
                   char          **where,
                   GError        **error)
{
  const KwAwsIni *config = profile->files->config;
  const char *name = profile_get (profile, "services", NULL);
  const char *section;

  if (name == NULL)
    return TRUE;

  section = find_config_section (config, "services", name);
  if (section == NULL)
    {
      g_set_error (error, KW_AWS_CONFIG_ERROR, KW_AWS_CONFIG_ERROR_INVALID_ENDPOINT,
                   "Profile “%s” uses services = %s, but %s has no [services %s] section",
                   profile->name, name, profile->files->config_path, name);
      return FALSE;
    }

  *url = nonempty (kw_aws_ini_lookup_sub (config, section, SERVICES_KEY, "endpoint_url"));
  if (*url != NULL)
    *where = g_strdup_printf ("%s endpoint_url in [%s] (%s)",
                              SERVICES_KEY, section, profile->files->config_path);

  return TRUE;
}

static gboolean
resolve_endpoint (const KwAwsOverrides  *overrides,
                  const char * const    *envp,
                  const Profile         *profile,
                  gboolean               use_fips,
                  char                 **endpoint_url,
                  GError               **error)
{
  const char *value = NULL;
  const char *path = NULL;
  g_autofree char *where = NULL;
  g_autoptr(GError) local_error = NULL;

  if ((value = nonempty (overrides->endpoint_url)) != NULL)
    where = g_strdup ("--endpoint-url");
  else if (is_true (envp, "AWS_IGNORE_CONFIGURED_ENDPOINT_URLS", profile,
                    "ignore_configured_endpoint_urls"))
    return TRUE;
  else if ((value = env_get (envp, ENDPOINT_URL_SERVICE_VARIABLE)) != NULL)
    where = g_strdup (ENDPOINT_URL_SERVICE_VARIABLE);
  else if ((value = env_get (envp, "AWS_ENDPOINT_URL")) != NULL)
    where = g_strdup ("AWS_ENDPOINT_URL");
  else if (!services_endpoint (profile, &value, &where, error))
    return FALSE;
  else if (value == NULL && (value = profile_get (profile, "endpoint_url", &path)) != NULL)
    where = describe_setting (profile, "endpoint_url", path);

  if (value == NULL)
    return TRUE;

  if (!kw_endpoint_check_url (value, &local_error))
    {
      g_propagate_prefixed_error (error, g_steal_pointer (&local_error),
                                  "The endpoint from %s is not usable: ", where);
      return FALSE;
    }

  /* The endpoint ruleset refuses the combination rather than guess. */
  if (use_fips)
    {
      g_set_error (error, KW_AWS_CONFIG_ERROR, KW_AWS_CONFIG_ERROR_INVALID_ENDPOINT,
                   "The endpoint from %s cannot be used with the FIPS endpoint setting "
                   "(AWS_USE_FIPS_ENDPOINT or use_fips_endpoint): FIPS and custom "
                   "endpoint are not supported", where);
      return FALSE;
    }

  *endpoint_url = g_strdup (value);

  return TRUE;
}

/**
 * kw_aws_settings_resolve:
 * @overrides: (nullable): what the person passed on the command line; %NULL
 *   or empty fields mean "not given"
 * @envp: (nullable): the environment, as from g_get_environ(); %NULL means
 *   this process's environment
 * @error: return location for a #KW_AWS_CONFIG_ERROR
 *
 * Resolves the profile, region, endpoint and credentials the way the AWS CLI
 * does, from @overrides, @envp and the shared config and credentials files.
 * Profiles whose credentials need STS, SSO or an external program are
 * reported as %KW_AWS_CONFIG_ERROR_UNSUPPORTED. No region and no credentials
 * are not errors here: unsigned calls need neither credentials nor, with an
 * endpoint, a region.
 *
 * Error messages name files, lines and variables but never a secret.
 *
 * Returns: (transfer full): the settings, or %NULL with @error set
 */
KwAwsSettings *
kw_aws_settings_resolve (const KwAwsOverrides  *overrides,
                         const char * const    *envp,
                         GError               **error)
{
  static const KwAwsOverrides no_overrides = { NULL, NULL, NULL };
  g_auto(GStrv) own_environ = NULL;
  g_auto(Files) files = { NULL, };
  g_autoptr(KwAwsSettings) settings = g_new0 (KwAwsSettings, 1);
  Profile profile = { &files, NULL, NULL, FALSE };
  gboolean explicit_profile;
  const char *name;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (overrides == NULL)
    overrides = &no_overrides;
  if (envp == NULL)
    envp = (const char * const *) (own_environ = g_get_environ ());

  if (!load_files (envp, &files, error))
    return NULL;

  /* botocore reads AWS_DEFAULT_PROFILE before AWS_PROFILE. */
  explicit_profile = nonempty (overrides->profile) != NULL;
  if ((name = nonempty (overrides->profile)) == NULL &&
      (name = env_get (envp, "AWS_DEFAULT_PROFILE")) == NULL &&
      (name = env_get (envp, "AWS_PROFILE")) == NULL)
    name = "default";

  settings->profile = g_strdup (name);
  profile.name = settings->profile;
  profile.config_section = find_config_section (files.config, "profile", name);
  profile.in_credentials = kw_aws_ini_has_section (files.credentials, name);

  if (profile.config_section == NULL && !profile.in_credentials &&
      strcmp (name, "default") != 0)
    {
      g_set_error (error, KW_AWS_CONFIG_ERROR, KW_AWS_CONFIG_ERROR_PROFILE_NOT_FOUND,
                   "The config profile (%s) could not be found in %s or %s",
                   name, files.config_path, files.credentials_path);
      return NULL;
    }

  settings->use_fips = is_true (envp, "AWS_USE_FIPS_ENDPOINT", &profile, "use_fips_endpoint");

  if (!resolve_region (overrides, envp, &profile, &settings->region, error) ||
      !resolve_endpoint (overrides, envp, &profile, settings->use_fips,
                         &settings->endpoint_url, error))
    return NULL;

  /* Like the AWS CLI, credentials matter only to signed calls: a profile that
   * uses SSO must not stop an unsigned ForgotPassword. */
  resolve_credentials (&profile, envp, explicit_profile, &settings->credentials,
                       &settings->credentials_error);

  return g_steal_pointer (&settings);
}

void
kw_aws_settings_free (KwAwsSettings *settings)
{
  if (settings == NULL)
    return;

  g_free (settings->profile);
  g_free (settings->region);
  g_free (settings->endpoint_url);
  g_clear_pointer (&settings->credentials, kw_aws_credentials_free);
  g_clear_error (&settings->credentials_error);
  g_free (settings);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/**
 * kw_aws_config_list_profiles:
 * @envp: (nullable): the environment, as for kw_aws_settings_resolve()
 * @error: return location for a #KW_AWS_CONFIG_ERROR
 *
 * Returns: (transfer full): the profile names of both files, sorted and
 *   without duplicates, or %NULL with @error set
 */
char **
kw_aws_config_list_profiles (const char * const  *envp,
                             GError             **error)
{
  g_auto(GStrv) own_environ = NULL;
  g_auto(Files) files = { NULL, };
  g_autoptr(GHashTable) names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) sorted = g_ptr_array_new ();
  GHashTableIter iter;
  char *name;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (envp == NULL)
    envp = (const char * const *) (own_environ = g_get_environ ());

  if (!load_files (envp, &files, error))
    return NULL;

  for (guint i = 0; i < kw_aws_ini_get_n_sections (files.config); i++)
    {
      name = config_section_profile (kw_aws_ini_get_section_name (files.config, i));
      if (name != NULL)
        g_hash_table_add (names, name);
    }

  for (guint i = 0; i < kw_aws_ini_get_n_sections (files.credentials); i++)
    g_hash_table_add (names, g_strdup (kw_aws_ini_get_section_name (files.credentials, i)));

  /* The set gives up its keys, which become the vector's strings. */
  g_hash_table_iter_init (&iter, names);
  while (g_hash_table_iter_next (&iter, (gpointer *) &name, NULL))
    {
      g_ptr_array_add (sorted, name);
      g_hash_table_iter_steal (&iter);
    }

  g_ptr_array_sort (sorted, compare_strings);
  g_ptr_array_add (sorted, NULL);

  return (char **) g_ptr_array_free (g_steal_pointer (&sorted), FALSE);
}
