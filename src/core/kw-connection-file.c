/* kw-connection.c
 *
 * Copyright 2026 The Keyway authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The connection file format.
 *
 * A .keyway file is a key file with one group, [Connection]; connections.ini
 * holds one group per connection, named by its id, with the same keys but
 * no Id. Booleans are spelled true or false, nothing else.
 *
 *   Id                        a slug: a lowercase letter or digit, then up to
 *                             63 lowercase letters, digits, '.', '_' or '-'
 *                             (what --connection takes); .keyway files only
 *   Name                      what a person sees: 1 to 128 characters, no
 *                             control characters
 *   Region                    an AWS Region, such as eu-west-1
 *   ClientId                  the app client id (the API's ClientIdType)
 *   UserPoolId                optional; helpdesk connections need it
 *   EndpointUrl               optional; https, or plain http only to loopback
 *   ClientSecret              optional; read from imported files only. It
 *                             goes to the keyring and is never written back
 *   PasswordMinimumLength     6 to 99; Cognito's default 8 when absent
 *   PasswordRequireUppercase, PasswordRequireLowercase,
 *   PasswordRequireNumbers, PasswordRequireSymbols
 *                             the pool's policy; Cognito's defaults when
 *                             absent, since an end user cannot read it
 *   PreventUserExistenceErrors  whether the client hides unknown users
 *
 * Keys Keyway writes and reads on top of those:
 *
 *   HasClientSecret           true when the client has a secret that the file
 *                             does not carry (every file Keyway writes)
 *   CredentialsSource         profile, environment or keyring: where a
 *                             helpdesk finds its AWS credentials; absent for
 *                             an end-user connection. Any source needs a
 *                             UserPoolId
 *   AwsProfile                the profile, for CredentialsSource=profile
 *   AccessKeyId               the keyring item's access key id, for
 *                             CredentialsSource=keyring (not a secret)
 *
 * An optional key with an empty value counts as absent. Unknown keys are
 * ignored with a warning, so that files from newer versions still open.
 */

#include "config.h"

#include "kw-connection-private.h"

#include "kw-secret-store.h"

#include <glib/gi18n-lib.h>
#include <string.h>

/* A connection file is a few hundred bytes; anything far larger is not one. */
#define FILE_DATA_MAX_LENGTH    (64 * 1024)

static const char * const known_keys[] = {
  KEY_NAME, KEY_REGION, KEY_CLIENT_ID, KEY_USER_POOL_ID, KEY_ENDPOINT_URL,
  KEY_CLIENT_SECRET, KEY_HAS_CLIENT_SECRET, KEY_MINIMUM_LENGTH, KEY_REQUIRE_UPPERCASE,
  KEY_REQUIRE_LOWERCASE, KEY_REQUIRE_NUMBERS, KEY_REQUIRE_SYMBOLS,
  KEY_PREVENT_USER_EXISTENCE_ERRORS, KEY_CREDENTIALS_SOURCE, KEY_AWS_PROFILE,
  KEY_ACCESS_KEY_ID,
};

/* File spellings of KwCredentialsSource, indexed by its values. */
const char * const kw_connection_source_names[] = { NULL, "profile", "environment", "keyring" };

/* Line numbers */

/* The 1-based line of @key in @group (the group's header when @key is
 * %NULL), or 0. GKeyFile merges repeated groups and keeps the last value of
 * a repeated key, so the last match wins. */
int
kw_connection_find_line (const char *data,
                         const char *group,
                         const char *key)
{
  gboolean in_group = FALSE;
  int found = 0;
  int number = 0;

  if (data == NULL || group == NULL)
    return 0;

  for (const char *line = data; *line != '\0'; )
    {
      const char *end = strchr (line, '\n');
      g_autofree char *text = g_strndup (line, end != NULL ? (gsize) (end - line) : strlen (line));
      char *stripped = g_strstrip (text);

      number++;

      if (stripped[0] == '[')
        {
          char *close = strrchr (stripped, ']');

          in_group = close != NULL &&
                     (gsize) (close - stripped - 1) == strlen (group) &&
                     strncmp (stripped + 1, group, strlen (group)) == 0;
          if (in_group && key == NULL)
            found = number;
        }
      else if (in_group && key != NULL && stripped[0] != '#')
        {
          char *equals = strchr (stripped, '=');

          if (equals != NULL)
            {
              *equals = '\0';
              if (strcmp (g_strchomp (stripped), key) == 0)
                found = number;
            }
        }

      if (end == NULL)
        break;
      line = end + 1;
    }

  return found;
}

/* Parsing */

static gboolean
is_known_key (const char *key,
              gboolean    with_id)
{
  if (with_id && strcmp (key, KEY_ID) == 0)
    return TRUE;

  return g_strv_contains ((const char * const *) known_keys, key);
}

/* A string value, or %NULL for an absent key (and, with @optional, for an
 * empty one). Only failures to decode the value are errors, and their
 * message never quotes it: it might be the client secret. */
static gboolean
read_string (GKeyFile                    *key_file,
             const KwConnectionLocation  *origin,
             const char                  *key,
             gboolean                     optional,
             char                       **value,
             GError                     **error)
{
  g_autoptr(GError) local_error = NULL;
  char *str;

  *value = NULL;

  if (!g_key_file_has_key (key_file, origin->group, key, NULL))
    return TRUE;

  str = g_key_file_get_string (key_file, origin->group, key, &local_error);
  if (str == NULL)
    {
      kw_connection_set_error (error, origin, KW_CONNECTION_ERROR_INVALID_VALUE, key,
                               /* Translators: the placeholder is a key of the connection file, such
                                * as Region. */
                               _("The value of %s is not valid text: it is not UTF-8 or has "
                                 "a bad escape sequence"),
                               key);
      return FALSE;
    }

  if (optional && *str == '\0')
    g_clear_pointer (&str, g_free);

  *value = str;

  return TRUE;
}

static gboolean
read_required (GKeyFile                    *key_file,
               const KwConnectionLocation  *origin,
               const char                  *key,
               char                       **value,
               GError                     **error)
{
  if (!read_string (key_file, origin, key, FALSE, value, error))
    return FALSE;

  if (*value == NULL)
    {
      kw_connection_set_error (error, origin, KW_CONNECTION_ERROR_MISSING_KEY, NULL,
                               /* Translators: the placeholder is a key of the connection file, such
                                * as Region. */
                               _("The required key %s is missing"), key);
      return FALSE;
    }

  return TRUE;
}

/* Booleans are true or false, not GKeyFile's 1 and 0 as well: the files
 * are read by people and other tools too. */
static gboolean
read_boolean (GKeyFile                    *key_file,
              const KwConnectionLocation  *origin,
              const char                  *key,
              gboolean                    *value,
              GError                     **error)
{
  g_autofree char *str = NULL;
  g_autofree char *shown = NULL;

  if (!read_string (key_file, origin, key, FALSE, &str, error))
    return FALSE;

  if (str == NULL)
    return TRUE;

  if (strcmp (str, "true") == 0)
    *value = TRUE;
  else if (strcmp (str, "false") == 0)
    *value = FALSE;
  else
    {
      shown = kw_connection_display_value (str);
      kw_connection_set_error (error, origin, KW_CONNECTION_ERROR_INVALID_VALUE, key,
                               /* Translators: the first placeholder is a key of the connection
                                * file, the second its value; true and false are values of the file
                                * and stay as they are. */
                               _("%s is “%s”, but it must be true or false"), key, shown);
      return FALSE;
    }

  return TRUE;
}

static gboolean
read_minimum_length (GKeyFile                    *key_file,
                     const KwConnectionLocation  *origin,
                     guint                       *value,
                     GError                     **error)
{
  g_autofree char *str = NULL;
  g_autofree char *shown = NULL;
  guint64 number = 0;

  if (!read_string (key_file, origin, KEY_MINIMUM_LENGTH, FALSE, &str, error))
    return FALSE;

  if (str == NULL)
    return TRUE;

  if (!g_ascii_string_to_unsigned (str, 10, KW_PASSWORD_POLICY_MIN_MINIMUM_LENGTH,
                                   KW_PASSWORD_POLICY_MAX_MINIMUM_LENGTH, &number, NULL))
    {
      shown = kw_connection_display_value (str);
      kw_connection_set_error (error, origin, KW_CONNECTION_ERROR_INVALID_VALUE, KEY_MINIMUM_LENGTH,
                               /* Translators: PasswordMinimumLength is a key of the connection file
                                * and stays as it is; the placeholders are its value, then the
                                * smallest and the largest number allowed. */
                               _("PasswordMinimumLength “%s” is not a whole number from %d to %d"),
                               shown, KW_PASSWORD_POLICY_MIN_MINIMUM_LENGTH,
                               KW_PASSWORD_POLICY_MAX_MINIMUM_LENGTH);
      return FALSE;
    }

  *value = (guint) number;

  return TRUE;
}

static gboolean
read_credentials_source (GKeyFile                    *key_file,
                         const KwConnectionLocation  *origin,
                         KwCredentialsSource         *value,
                         GError                     **error)
{
  g_autofree char *str = NULL;
  g_autofree char *shown = NULL;

  *value = KW_CREDENTIALS_SOURCE_NONE;

  if (!read_string (key_file, origin, KEY_CREDENTIALS_SOURCE, TRUE, &str, error))
    return FALSE;

  if (str == NULL)
    return TRUE;

  for (guint i = 1; i < G_N_ELEMENTS (kw_connection_source_names); i++)
    {
      if (strcmp (str, kw_connection_source_names[i]) == 0)
        {
          *value = i;
          return TRUE;
        }
    }

  shown = kw_connection_display_value (str);
  kw_connection_set_error (error, origin, KW_CONNECTION_ERROR_INVALID_VALUE,
                           KEY_CREDENTIALS_SOURCE,
                           /* Translators: CredentialsSource is a key of the
                            * connection file, and profile, environment and
                            * keyring its values: they stay as they are. The
                            * placeholder is the value found. */
                           _("CredentialsSource “%s” is not one of profile, environment or "
                             "keyring"),
                           shown);

  return FALSE;
}

static void
warn_unknown_keys (GKeyFile                   *key_file,
                   const KwConnectionLocation *origin,
                   gboolean                    with_id)
{
  g_auto(GStrv) keys = g_key_file_get_keys (key_file, origin->group, NULL, NULL);

  for (guint i = 0; keys != NULL && keys[i] != NULL; i++)
    {
      if (!is_known_key (keys[i], with_id))
        g_warning ("%s, line %d: ignoring the unknown key %s in [%s]",
                   origin->file_name != NULL ? origin->file_name : "(key file)",
                   kw_connection_find_line (origin->data, origin->group, keys[i]),
                   keys[i], origin->group);
    }
}

/**
 * kw_connection_new_from_key_file:
 * @key_file: a loaded key file
 * @group: the group to read
 * @id: (nullable): the connection's id, for a connections.ini group; %NULL
 *   to read it from the Id key, as in a .keyway file
 * @file_name: how messages name the file
 * @data: (nullable): the file's text, for line numbers in messages
 * @origin: where the connection comes from
 * @client_secret: (out) (optional) (transfer full): the ClientSecret key's
 *   value, or %NULL; free it with kw_secret_free()
 * @error: return location for a %KW_CONNECTION_ERROR error
 *
 * Reads and validates one connection. Unknown keys are ignored with a
 * warning. A ClientSecret marks the connection as having a secret but is
 * never kept in it: the caller puts it in the keyring, or drops it.
 *
 * Returns: (transfer full): the connection, or %NULL with @error set
 */
KwConnection *
kw_connection_new_from_key_file (GKeyFile            *key_file,
                                 const char          *group,
                                 const char          *id,
                                 const char          *file_name,
                                 const char          *data,
                                 KwConnectionOrigin   origin,
                                 char               **client_secret,
                                 GError             **error)
{
  KwConnectionLocation where = { file_name, data, group, id != NULL };
  g_autoptr(KwConnection) self = NULL;
  g_autoptr(KwPasswordPolicy) policy = kw_password_policy_new_default ();
  g_autofree char *file_id = NULL;
  g_autofree char *name = NULL;
  g_autofree char *region = NULL;
  g_autofree char *client_id = NULL;
  g_autofree char *user_pool_id = NULL;
  g_autofree char *endpoint_url = NULL;
  g_autofree char *aws_profile = NULL;
  g_autofree char *access_key_id = NULL;
  char *secret = NULL;
  gboolean has_client_secret = FALSE;
  gboolean has_client_secret_set;
  gboolean prevent_user_existence_errors = FALSE;
  KwCredentialsSource source = KW_CREDENTIALS_SOURCE_NONE;

  g_return_val_if_fail (key_file != NULL, NULL);
  g_return_val_if_fail (group != NULL, NULL);
  g_return_val_if_fail (file_name != NULL, NULL);
  g_return_val_if_fail (client_secret == NULL || *client_secret == NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!g_key_file_has_group (key_file, group))
    {
      kw_connection_set_error (error, &where, KW_CONNECTION_ERROR_PARSE, NULL,
                               /* Translators: the placeholder is the name of a group of the
                                * connection file, which starts with a [name] header. */
                               _("There is no [%s] group"), group);
      return NULL;
    }

  warn_unknown_keys (key_file, &where, id == NULL);

  if ((id == NULL && !read_required (key_file, &where, KEY_ID, &file_id, error)) ||
      !read_required (key_file, &where, KEY_NAME, &name, error) ||
      !read_required (key_file, &where, KEY_REGION, &region, error) ||
      !read_required (key_file, &where, KEY_CLIENT_ID, &client_id, error) ||
      !read_string (key_file, &where, KEY_USER_POOL_ID, TRUE, &user_pool_id, error) ||
      !read_string (key_file, &where, KEY_ENDPOINT_URL, TRUE, &endpoint_url, error) ||
      !read_minimum_length (key_file, &where, &policy->minimum_length, error) ||
      !read_boolean (key_file, &where, KEY_REQUIRE_UPPERCASE, &policy->require_uppercase, error) ||
      !read_boolean (key_file, &where, KEY_REQUIRE_LOWERCASE, &policy->require_lowercase, error) ||
      !read_boolean (key_file, &where, KEY_REQUIRE_NUMBERS, &policy->require_numbers, error) ||
      !read_boolean (key_file, &where, KEY_REQUIRE_SYMBOLS, &policy->require_symbols, error) ||
      !read_boolean (key_file, &where, KEY_PREVENT_USER_EXISTENCE_ERRORS,
                     &prevent_user_existence_errors, error) ||
      !read_boolean (key_file, &where, KEY_HAS_CLIENT_SECRET, &has_client_secret, error) ||
      !read_credentials_source (key_file, &where, &source, error) ||
      !read_string (key_file, &where, KEY_AWS_PROFILE, TRUE, &aws_profile, error) ||
      !read_string (key_file, &where, KEY_ACCESS_KEY_ID, TRUE, &access_key_id, error))
    return NULL;

  has_client_secret_set = g_key_file_has_key (key_file, group, KEY_HAS_CLIENT_SECRET, NULL);

  self = g_object_new (KW_TYPE_CONNECTION,
                       "id", id != NULL ? id : file_id,
                       "name", name,
                       "region", region,
                       "client-id", client_id,
                       "user-pool-id", user_pool_id,
                       "endpoint-url", endpoint_url,
                       "password-policy", policy,
                       "prevent-user-existence-errors", prevent_user_existence_errors,
                       "credentials-source", source,
                       "aws-profile", aws_profile,
                       "access-key-id", access_key_id,
                       "origin", origin,
                       NULL);

  if (!kw_connection_validate_at (self, &where, error))
    return NULL;

  /* The secret is read last, so that it is in memory for as short a time
   * as possible, and wiped on every way out. */
  if (!read_string (key_file, &where, KEY_CLIENT_SECRET, TRUE, &secret, error))
    return NULL;

  if (secret != NULL)
    {
      if (has_client_secret_set && !has_client_secret)
        {
          kw_secret_free (secret);
          kw_connection_set_error_literal (error, &where, KW_CONNECTION_ERROR_INVALID_VALUE,
                                           KEY_HAS_CLIENT_SECRET,
                                           _("HasClientSecret is false, but there is a "
                                             "ClientSecret"));
          return NULL;
        }

      if (!kw_connection_check_client_secret (secret, &where, error))
        {
          kw_secret_free (secret);
          return NULL;
        }

      has_client_secret = TRUE;
    }

  self->has_client_secret = has_client_secret;

  if (client_secret != NULL)
    *client_secret = secret;
  else
    kw_secret_free (secret);

  return g_steal_pointer (&self);
}

/* The first line GKeyFile would refuse, found here so that the message can
 * name it without quoting it: the line might hold the client secret. */
static int
find_bad_line (const char *data,
               gboolean   *before_group)
{
  gboolean seen_group = FALSE;
  int number = 0;

  for (const char *line = data; *line != '\0'; )
    {
      const char *end = strchr (line, '\n');
      g_autofree char *text = g_strndup (line, end != NULL ? (gsize) (end - line) : strlen (line));
      char *stripped = g_strstrip (text);

      number++;

      if (*stripped == '\0' || *stripped == '#')
        {
          /* blank lines and comments are fine anywhere */
        }
      else if (*stripped == '[')
        {
          if (stripped[strlen (stripped) - 1] != ']')
            return number;
          seen_group = TRUE;
        }
      else if (*stripped == '=' || strchr (stripped, '=') == NULL)
        return number;
      else if (!seen_group)
        {
          *before_group = TRUE;
          return number;
        }

      if (end == NULL)
        break;
      line = end + 1;
    }

  return 0;
}

/**
 * kw_connection_load_key_file:
 * @data: a file's text, nul-terminated at @length
 * @length: its length
 * @file_name: how messages name the file
 * @error: return location for a %KW_CONNECTION_ERROR_PARSE error
 *
 * Loads a connections.ini or .keyway file's text into a key file, with
 * messages that name the bad line but never repeat it.
 *
 * Returns: (transfer full): the key file, or %NULL with @error set
 */
GKeyFile *
kw_connection_load_key_file (const char  *data,
                             gsize        length,
                             const char  *file_name,
                             GError     **error)
{
  g_autoptr(GKeyFile) key_file = g_key_file_new ();
  g_autoptr(GError) local_error = NULL;
  gboolean before_group = FALSE;
  int bad_line;

  g_return_val_if_fail (data != NULL && data[length] == '\0', NULL);
  g_return_val_if_fail (file_name != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (length > FILE_DATA_MAX_LENGTH)
    {
      g_set_error (error, KW_CONNECTION_ERROR, KW_CONNECTION_ERROR_PARSE,
                   /* Translators: the placeholder is a file name. */
                   _("%s: the file is too large to hold connections"), file_name);
      return NULL;
    }

  /* A nul byte also fails here: text files have none. */
  if (!g_utf8_validate_len (data, length, NULL))
    {
      g_set_error (error, KW_CONNECTION_ERROR, KW_CONNECTION_ERROR_PARSE,
                   /* Translators: the placeholder is a file name. */
                   _("%s: the file is not UTF-8 text"), file_name);
      return NULL;
    }

  bad_line = find_bad_line (data, &before_group);
  if (bad_line > 0)
    {
      if (before_group)
        g_set_error (error, KW_CONNECTION_ERROR, KW_CONNECTION_ERROR_PARSE,
                     /* Translators: the placeholders are a file name and a line
                      * number. */
                     _("%s, line %d: a key comes before the first [group] header"),
                     file_name, bad_line);
      else
        g_set_error (error, KW_CONNECTION_ERROR, KW_CONNECTION_ERROR_PARSE,
                     /* Translators: the placeholders are a file name and a line
                      * number; Key=Value is the form of a line of the file. */
                     _("%s, line %d: the line is not a [group] header, a Key=Value pair "
                       "or a # comment"),
                     file_name, bad_line);
      return NULL;
    }

  /* What is left is GKeyFile's stricter view of group and key names, whose
   * messages quote only the name. */
  if (!g_key_file_load_from_data (key_file, data, length, G_KEY_FILE_NONE, &local_error))
    {
      g_set_error (error, KW_CONNECTION_ERROR, KW_CONNECTION_ERROR_PARSE,
                   _("%s: %s"), file_name, local_error->message);
      return NULL;
    }

  return g_steal_pointer (&key_file);
}

/**
 * kw_connection_new_from_file_data:
 * @data: the text of a .keyway file
 * @length: its length in bytes
 * @file_name: how messages name the file
 * @client_secret: (out) (optional) (transfer full): the file's client
 *   secret, or %NULL; free it with kw_secret_free()
 * @error: return location for a %KW_CONNECTION_ERROR error
 *
 * Parses a whole .keyway file: one [Connection] group. Other groups, like
 * unknown keys, are ignored with a warning.
 *
 * Returns: (transfer full): a connection of origin
 *   %KW_CONNECTION_ORIGIN_FILE, or %NULL with @error set
 */
KwConnection *
kw_connection_new_from_file_data (const char  *data,
                                  gsize        length,
                                  const char  *file_name,
                                  char       **client_secret,
                                  GError     **error)
{
  g_autoptr(GKeyFile) key_file = NULL;
  g_autofree char *text = NULL;
  g_auto(GStrv) groups = NULL;
  KwConnection *self;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (file_name != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* The line scanner needs a nul-terminated copy. */
  text = g_strndup (data != NULL ? data : "", length);
  key_file = kw_connection_load_key_file (text, length, file_name, error);
  if (key_file == NULL)
    {
      explicit_bzero (text, length);
      return NULL;
    }

  groups = g_key_file_get_groups (key_file, NULL);
  for (guint i = 0; groups[i] != NULL; i++)
    {
      if (strcmp (groups[i], KW_CONNECTION_FILE_GROUP) != 0)
        g_warning ("%s, line %d: ignoring the unknown group [%s]",
                   file_name, kw_connection_find_line (text, groups[i], NULL), groups[i]);
    }

  self = kw_connection_new_from_key_file (key_file, KW_CONNECTION_FILE_GROUP, NULL,
                                          file_name, text, KW_CONNECTION_ORIGIN_FILE,
                                          client_secret, error);
  explicit_bzero (text, length);

  return self;
}

/* Writing */

static void
set_boolean (GKeyFile   *key_file,
             const char *group,
             const char *key,
             gboolean    value)
{
  g_key_file_set_value (key_file, group, key, value ? "true" : "false");
}

/**
 * kw_connection_save_to_key_file:
 * @self: a #KwConnection
 * @key_file: the key file to write into
 * @group: the group to write
 * @with_id: whether to write the Id key, as a .keyway file has it
 *
 * Writes every field into @group, replacing what it held. There is never a
 * ClientSecret: a client with a secret gets HasClientSecret=true.
 */
void
kw_connection_save_to_key_file (KwConnection *self,
                                GKeyFile     *key_file,
                                const char   *group,
                                gboolean      with_id)
{
  const KwPasswordPolicy *policy;

  g_return_if_fail (KW_IS_CONNECTION (self));
  g_return_if_fail (key_file != NULL);
  g_return_if_fail (group != NULL);

  policy = self->password_policy;

  g_key_file_remove_group (key_file, group, NULL);

  if (with_id)
    g_key_file_set_string (key_file, group, KEY_ID, self->id);
  g_key_file_set_string (key_file, group, KEY_NAME, self->name);
  g_key_file_set_string (key_file, group, KEY_REGION, self->region);
  g_key_file_set_string (key_file, group, KEY_CLIENT_ID, self->client_id);
  if (self->user_pool_id != NULL)
    g_key_file_set_string (key_file, group, KEY_USER_POOL_ID, self->user_pool_id);
  if (self->endpoint_url != NULL)
    g_key_file_set_string (key_file, group, KEY_ENDPOINT_URL, self->endpoint_url);
  if (self->has_client_secret)
    set_boolean (key_file, group, KEY_HAS_CLIENT_SECRET, TRUE);

  g_key_file_set_integer (key_file, group, KEY_MINIMUM_LENGTH, (int) policy->minimum_length);
  set_boolean (key_file, group, KEY_REQUIRE_UPPERCASE, policy->require_uppercase);
  set_boolean (key_file, group, KEY_REQUIRE_LOWERCASE, policy->require_lowercase);
  set_boolean (key_file, group, KEY_REQUIRE_NUMBERS, policy->require_numbers);
  set_boolean (key_file, group, KEY_REQUIRE_SYMBOLS, policy->require_symbols);
  set_boolean (key_file, group, KEY_PREVENT_USER_EXISTENCE_ERRORS,
               self->prevent_user_existence_errors);

  if (self->credentials_source != KW_CREDENTIALS_SOURCE_NONE)
    g_key_file_set_string (key_file, group, KEY_CREDENTIALS_SOURCE,
                           kw_connection_source_names[self->credentials_source]);
  if (self->aws_profile != NULL)
    g_key_file_set_string (key_file, group, KEY_AWS_PROFILE, self->aws_profile);
  if (self->access_key_id != NULL)
    g_key_file_set_string (key_file, group, KEY_ACCESS_KEY_ID, self->access_key_id);
}

/**
 * kw_connection_to_file_data:
 * @self: a #KwConnection
 *
 * The connection as a .keyway file, to hand to someone else. It never holds
 * the client secret; a client with one gets HasClientSecret=true, and the
 * person importing it is asked for the secret when it is needed.
 *
 * Returns: (transfer full): the file's bytes
 */
GBytes *
kw_connection_to_file_data (KwConnection *self)
{
  g_autoptr(GKeyFile) key_file = g_key_file_new ();
  char *data;
  gsize length = 0;

  g_return_val_if_fail (KW_IS_CONNECTION (self), NULL);

  kw_connection_save_to_key_file (self, key_file, KW_CONNECTION_FILE_GROUP, TRUE);
  g_key_file_set_comment (key_file, NULL, NULL,
                          " A Keyway connection: open it with Keyway to add it.", NULL);

  data = g_key_file_to_data (key_file, &length, NULL);

  return g_bytes_new_take (data, length);
}
