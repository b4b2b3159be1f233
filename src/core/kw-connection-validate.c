/* kw-connection-validate.c
 *
 * Copyright 2026 The Keyway authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The rules a connection's fields follow, and the messages that say which
 * one a value breaks, naming the file and line it came from. */

#include "config.h"

#include "kw-connection-private.h"

#include "kw-cognito-model.h"
#include "kw-endpoint.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#define ID_MAX_LENGTH           64
#define NAME_MAX_LENGTH         128
#define PROFILE_MAX_LENGTH      128
#define ACCESS_KEY_ID_MIN       16
#define ACCESS_KEY_ID_MAX       128
/* Values quoted in messages are cut to this many characters. */
#define DISPLAY_MAX_LENGTH      48

/* Messages */

/* Sets @error with @message, prefixed with the file and the line of @key
 * when the values came from a file. */
void
kw_connection_set_error_literal (GError                     **error,
                                 const KwConnectionLocation  *origin,
                                 int                          code,
                                 const char                  *key,
                                 const char                  *message)
{
  int line = 0;

  if (origin == NULL || origin->file_name == NULL)
    {
      g_set_error_literal (error, KW_CONNECTION_ERROR, code, message);
      return;
    }

  if (key != NULL)
    line = origin->id_is_group && strcmp (key, KEY_ID) == 0
      ? kw_connection_find_line (origin->data, origin->group, NULL)
      : kw_connection_find_line (origin->data, origin->group, key);

  if (line > 0)
    /* Translators: a problem in a connection file: the file's name, the
     * line number, then what is wrong, e.g. “acme.keyway, line 4: Region
     * “moon-east-1” is not an AWS Region” */
    g_set_error (error, KW_CONNECTION_ERROR, code, _("%s, line %d: %s"),
                 origin->file_name, line, message);
  else
    /* Translators: a problem in a connection file: the file's name, then
     * what is wrong */
    g_set_error (error, KW_CONNECTION_ERROR, code, _("%s: %s"),
                 origin->file_name, message);
}

void
kw_connection_set_error (GError                     **error,
                         const KwConnectionLocation  *origin,
                         int                          code,
                         const char                  *key,
                         const char                  *format,
                         ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  kw_connection_set_error_literal (error, origin, code, key, message);
}

/* A value as it may be shown in a message: control characters replaced,
 * long values cut. Never used for a secret or a URL. */
char *
kw_connection_display_value (const char *value)
{
  GString *shown = g_string_new (NULL);
  guint n_chars = 0;

  for (const char *p = value; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (n_chars++ == DISPLAY_MAX_LENGTH)
        {
          g_string_append (shown, "…");
          break;
        }
      g_string_append_unichar (shown, g_unichar_iscntrl (c) ? 0xFFFD : c);
    }

  return g_string_free (shown, FALSE);
}

/* Rules */

static gboolean
is_slug (const char *id)
{
  gsize len = strlen (id);

  if (len == 0 || len > ID_MAX_LENGTH)
    return FALSE;
  if (!g_ascii_islower (id[0]) && !g_ascii_isdigit (id[0]))
    return FALSE;

  for (const char *p = id; *p != '\0'; p++)
    {
      if (!g_ascii_islower (*p) && !g_ascii_isdigit (*p) && strchr ("._-", *p) == NULL)
        return FALSE;
    }

  return TRUE;
}

static gboolean
is_blank (const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    {
      if (!g_ascii_isspace (*p))
        return FALSE;
    }

  return TRUE;
}

static gboolean
has_control_characters (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      if (g_unichar_iscntrl (g_utf8_get_char (p)))
        return TRUE;
    }

  return FALSE;
}

/* Profile names are free-form in the AWS CLI, but those a helpdesk uses are
 * words: letters, digits, "_.@+-" and inner spaces. */
static gboolean
is_profile_name (const char *profile)
{
  gsize len = strlen (profile);

  if (len == 0 || len > PROFILE_MAX_LENGTH)
    return FALSE;
  if (profile[0] == ' ' || profile[len - 1] == ' ')
    return FALSE;

  for (const char *p = profile; *p != '\0'; p++)
    {
      if (!g_ascii_isalnum (*p) && strchr (" _.@+-", *p) == NULL)
        return FALSE;
    }

  return TRUE;
}

static gboolean
is_access_key_id (const char *access_key_id)
{
  gsize len = strlen (access_key_id);

  if (len < ACCESS_KEY_ID_MIN || len > ACCESS_KEY_ID_MAX)
    return FALSE;

  for (const char *p = access_key_id; *p != '\0'; p++)
    {
      if (!g_ascii_isupper (*p) && !g_ascii_isdigit (*p))
        return FALSE;
    }

  return TRUE;
}

/* The protocol core's own rule for a model shape. */
static gboolean
matches_shape (const char *shape_name,
               const char *value)
{
  const KwShape *shape = kw_cognito_shape_lookup (shape_name);

  g_assert (shape != NULL);

  return kw_cognito_validate_string (shape, shape_name, value, NULL);
}

gboolean
kw_connection_check_client_secret (const char                  *client_secret,
                                   const KwConnectionLocation  *origin,
                                   GError                     **error)
{
  const KwShape *shape = kw_cognito_shape_lookup ("ClientSecretType");

  g_assert (shape != NULL);

  if (!kw_cognito_validate_string (shape, KEY_CLIENT_SECRET, client_secret, NULL))
    {
      /* The value stays out of the message, whatever is wrong with it. */
      kw_connection_set_error (error, origin, KW_CONNECTION_ERROR_INVALID_VALUE,
                               KEY_CLIENT_SECRET,
                               /* Translators: the numbers are the allowed lengths */
                               _("ClientSecret is not an app client secret, which has %d to "
                                 "%d letters, digits, “_” or “+”"),
                               (int) shape->min, (int) shape->max);
      return FALSE;
    }

  return TRUE;
}

/* Checks every field; with @origin, messages name the file and line. */
gboolean
kw_connection_validate_at (KwConnection                *self,
                           const KwConnectionLocation  *origin,
                           GError                     **error)
{
  const KwPasswordPolicy *policy = self->password_policy;
  g_autofree char *shown = NULL;

  if (self->id == NULL || !is_slug (self->id))
    {
      shown = kw_connection_display_value (self->id != NULL ? self->id : "");
      kw_connection_set_error (error, origin, KW_CONNECTION_ERROR_INVALID_VALUE, KEY_ID,
                               /* Translators: Id is a key of the connection file and stays as it
                                * is; the placeholders are its value and the most characters an id
                                * can have. */
                               _("Id “%s” is not a connection id: use up to %d lowercase "
                                 "letters, digits, “.”, “_” or “-”, starting with a letter "
                                 "or digit"),
                               shown, ID_MAX_LENGTH);
      return FALSE;
    }

  if (self->name == NULL || is_blank (self->name))
    {
      kw_connection_set_error_literal (error, origin, KW_CONNECTION_ERROR_INVALID_VALUE,
                                       KEY_NAME, _("Name must not be empty"));
      return FALSE;
    }

  if (!g_utf8_validate (self->name, -1, NULL) ||
      g_utf8_strlen (self->name, -1) > NAME_MAX_LENGTH ||
      has_control_characters (self->name))
    {
      kw_connection_set_error (error, origin, KW_CONNECTION_ERROR_INVALID_VALUE, KEY_NAME,
                               /* Translators: Name is a key of the connection file and stays as it
                                * is; the placeholder is the most characters a name can have. */
                               _("Name must be at most %d characters, without control "
                                 "characters"),
                               NAME_MAX_LENGTH);
      return FALSE;
    }

  if (!kw_endpoint_region_is_valid (self->region))
    {
      shown = kw_connection_display_value (self->region != NULL ? self->region : "");
      kw_connection_set_error (error, origin, KW_CONNECTION_ERROR_INVALID_VALUE, KEY_REGION,
                               /* Translators: Region is a key of the connection file and stays as
                                * it is; the placeholder is its value. */
                               _("Region “%s” is not an AWS Region, such as us-east-1"),
                               shown);
      return FALSE;
    }

  if (self->client_id == NULL || !matches_shape ("ClientIdType", self->client_id))
    {
      shown = kw_connection_display_value (self->client_id != NULL ? self->client_id : "");
      kw_connection_set_error (error, origin, KW_CONNECTION_ERROR_INVALID_VALUE, KEY_CLIENT_ID,
                               /* Translators: ClientId is a key of the connection file and stays as
                                * it is; the placeholder is its value. */
                               _("ClientId “%s” is not an app client id, which has only "
                                 "letters, digits, “_” or “+”"),
                               shown);
      return FALSE;
    }

  if (self->user_pool_id != NULL && !matches_shape ("UserPoolIdType", self->user_pool_id))
    {
      shown = kw_connection_display_value (self->user_pool_id);
      kw_connection_set_error (error, origin, KW_CONNECTION_ERROR_INVALID_VALUE,
                               KEY_USER_POOL_ID,
                               /* Translators: UserPoolId is a key of the connection file and stays
                                * as it is; the placeholder is its value. */
                               _("UserPoolId “%s” is not a user pool id, such as "
                                 "us-east-1_AbCdEf123"),
                               shown);
      return FALSE;
    }

  /* The URL stays out of the message: it may carry a password. */
  if (self->endpoint_url != NULL && !kw_endpoint_check_url (self->endpoint_url, NULL))
    {
      kw_connection_set_error_literal (error, origin, KW_CONNECTION_ERROR_INVALID_VALUE,
                                       KEY_ENDPOINT_URL,
                                       _("EndpointUrl must be an https URL with only a host "
                                         "and port; plain http is allowed only to "
                                         "127.0.0.1, ::1 or localhost"));
      return FALSE;
    }

  if (policy->minimum_length < KW_PASSWORD_POLICY_MIN_MINIMUM_LENGTH ||
      policy->minimum_length > KW_PASSWORD_POLICY_MAX_MINIMUM_LENGTH)
    {
      shown = g_strdup_printf ("%u", policy->minimum_length);
      kw_connection_set_error (error, origin, KW_CONNECTION_ERROR_INVALID_VALUE,
                               KEY_MINIMUM_LENGTH,
                               /* Translators: PasswordMinimumLength is a key of the connection file
                                * and stays as it is; the placeholders are its value, then the
                                * smallest and the largest number allowed. */
                               _("PasswordMinimumLength “%s” is not a whole number from %d "
                                 "to %d"),
                               shown, KW_PASSWORD_POLICY_MIN_MINIMUM_LENGTH,
                               KW_PASSWORD_POLICY_MAX_MINIMUM_LENGTH);
      return FALSE;
    }

  if (self->aws_profile != NULL && !is_profile_name (self->aws_profile))
    {
      shown = kw_connection_display_value (self->aws_profile);
      kw_connection_set_error (error, origin, KW_CONNECTION_ERROR_INVALID_VALUE,
                               KEY_AWS_PROFILE,
                               /* Translators: AwsProfile is a key of the connection file and stays
                                * as it is; the placeholder is its value. */
                               _("AwsProfile “%s” is not an AWS profile name"), shown);
      return FALSE;
    }

  if (self->access_key_id != NULL && !is_access_key_id (self->access_key_id))
    {
      shown = kw_connection_display_value (self->access_key_id);
      kw_connection_set_error (error, origin, KW_CONNECTION_ERROR_INVALID_VALUE,
                               KEY_ACCESS_KEY_ID,
                               /* Translators: AccessKeyId is a key of the connection file and stays
                                * as it is; the placeholders are its value, then the fewest and the
                                * most characters of an access key id. */
                               _("AccessKeyId “%s” is not an AWS access key id, which has "
                                 "%d to %d capital letters and digits"),
                               shown, ACCESS_KEY_ID_MIN, ACCESS_KEY_ID_MAX);
      return FALSE;
    }

  /* A credentials source's own fields: required with it, refused without,
   * so that a file never says something Keyway silently ignores. */
  if (self->aws_profile != NULL && self->credentials_source != KW_CREDENTIALS_SOURCE_PROFILE)
    {
      kw_connection_set_error_literal (error, origin, KW_CONNECTION_ERROR_INVALID_VALUE,
                                       KEY_AWS_PROFILE,
                                       _("AwsProfile is set, but CredentialsSource is not "
                                         "“profile”"));
      return FALSE;
    }

  if (self->access_key_id != NULL && self->credentials_source != KW_CREDENTIALS_SOURCE_KEYRING)
    {
      kw_connection_set_error_literal (error, origin, KW_CONNECTION_ERROR_INVALID_VALUE,
                                       KEY_ACCESS_KEY_ID,
                                       _("AccessKeyId is set, but CredentialsSource is not "
                                         "“keyring”"));
      return FALSE;
    }

  if (self->credentials_source == KW_CREDENTIALS_SOURCE_PROFILE && self->aws_profile == NULL)
    {
      kw_connection_set_error_literal (error, origin, KW_CONNECTION_ERROR_MISSING_KEY,
                                       KEY_CREDENTIALS_SOURCE,
                                       _("CredentialsSource “profile” needs an AwsProfile "
                                         "key"));
      return FALSE;
    }

  if (self->credentials_source == KW_CREDENTIALS_SOURCE_KEYRING && self->access_key_id == NULL)
    {
      kw_connection_set_error_literal (error, origin, KW_CONNECTION_ERROR_MISSING_KEY,
                                       KEY_CREDENTIALS_SOURCE,
                                       _("CredentialsSource “keyring” needs an AccessKeyId "
                                         "key"));
      return FALSE;
    }

  if (self->credentials_source != KW_CREDENTIALS_SOURCE_NONE && self->user_pool_id == NULL)
    {
      kw_connection_set_error (error, origin, KW_CONNECTION_ERROR_MISSING_KEY,
                               KEY_CREDENTIALS_SOURCE,
                               /* Translators: CredentialsSource and UserPoolId are keys of the
                                * connection file and stay as they are; the placeholder is the value
                                * of CredentialsSource, such as keyring. */
                               _("CredentialsSource “%s” needs a UserPoolId key: helpdesk "
                                 "work is done on a user pool"),
                               kw_connection_source_names[self->credentials_source]);
      return FALSE;
    }

  return TRUE;
}

/**
 * kw_connection_validate:
 * @self: a #KwConnection
 * @error: return location for a %KW_CONNECTION_ERROR error
 *
 * Checks every field with the rules the protocol core applies to requests:
 * the region, the ClientIdType and UserPoolIdType patterns, an usable
 * endpoint URL, a minimum password length of 6 to 99, a slug for the id and
 * the fields each credentials source needs. The file format comment at the
 * top of kw-connection-file.c lists the rules.
 *
 * Returns: %TRUE when the connection can be used and saved
 */
gboolean
kw_connection_validate (KwConnection  *self,
                        GError       **error)
{
  g_return_val_if_fail (KW_IS_CONNECTION (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return kw_connection_validate_at (self, NULL, error);
}
