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

#include "kw-connection.h"

#include "kw-cognito-model.h"
#include "kw-core-enums.h"
#include "kw-endpoint.h"
#include "kw-secret-store.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#define ID_MAX_LENGTH           64
#define NAME_MAX_LENGTH         128
#define PROFILE_MAX_LENGTH      128
#define ACCESS_KEY_ID_MIN       16
#define ACCESS_KEY_ID_MAX       128
/* A connection file is a few hundred bytes; anything far larger is not one. */
#define FILE_DATA_MAX_LENGTH    (64 * 1024)
/* Values quoted in messages are cut to this many characters. */
#define DISPLAY_MAX_LENGTH      48

#define KEY_ID                  "Id"
#define KEY_NAME                "Name"
#define KEY_REGION              "Region"
#define KEY_CLIENT_ID           "ClientId"
#define KEY_USER_POOL_ID        "UserPoolId"
#define KEY_ENDPOINT_URL        "EndpointUrl"
#define KEY_CLIENT_SECRET       "ClientSecret"
#define KEY_HAS_CLIENT_SECRET   "HasClientSecret"
#define KEY_MINIMUM_LENGTH      "PasswordMinimumLength"
#define KEY_REQUIRE_UPPERCASE   "PasswordRequireUppercase"
#define KEY_REQUIRE_LOWERCASE   "PasswordRequireLowercase"
#define KEY_REQUIRE_NUMBERS     "PasswordRequireNumbers"
#define KEY_REQUIRE_SYMBOLS     "PasswordRequireSymbols"
#define KEY_PREVENT_USER_EXISTENCE_ERRORS "PreventUserExistenceErrors"
#define KEY_CREDENTIALS_SOURCE  "CredentialsSource"
#define KEY_AWS_PROFILE         "AwsProfile"
#define KEY_ACCESS_KEY_ID       "AccessKeyId"

static const char * const known_keys[] = {
  KEY_NAME, KEY_REGION, KEY_CLIENT_ID, KEY_USER_POOL_ID, KEY_ENDPOINT_URL,
  KEY_CLIENT_SECRET, KEY_HAS_CLIENT_SECRET, KEY_MINIMUM_LENGTH, KEY_REQUIRE_UPPERCASE,
  KEY_REQUIRE_LOWERCASE, KEY_REQUIRE_NUMBERS, KEY_REQUIRE_SYMBOLS,
  KEY_PREVENT_USER_EXISTENCE_ERRORS, KEY_CREDENTIALS_SOURCE, KEY_AWS_PROFILE,
  KEY_ACCESS_KEY_ID,
};

/* File spellings of KwCredentialsSource, indexed by its values. */
static const char * const source_names[] = { NULL, "profile", "environment", "keyring" };

struct _KwConnection
{
  GObject              parent_instance;

  char                *id;
  char                *name;
  char                *region;
  char                *client_id;
  char                *user_pool_id;
  char                *endpoint_url;
  KwPasswordPolicy    *password_policy;
  char                *aws_profile;
  char                *access_key_id;
  KwCredentialsSource  credentials_source;
  KwConnectionOrigin   origin;
  gboolean             has_client_secret;
  gboolean             prevent_user_existence_errors;
};

G_DEFINE_FINAL_TYPE (KwConnection, kw_connection, G_TYPE_OBJECT)

G_DEFINE_QUARK (kw-connection-error-quark, kw_connection_error)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_REGION,
  PROP_CLIENT_ID,
  PROP_USER_POOL_ID,
  PROP_ENDPOINT_URL,
  PROP_HAS_CLIENT_SECRET,
  PROP_PREVENT_USER_EXISTENCE_ERRORS,
  PROP_PASSWORD_POLICY,
  PROP_CREDENTIALS_SOURCE,
  PROP_AWS_PROFILE,
  PROP_ACCESS_KEY_ID,
  PROP_ORIGIN,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Where the values being checked came from, so that messages can name the
 * file and line. Every field is %NULL for a connection built in code. */
typedef struct
{
  const char *file_name;
  const char *data;
  const char *group;
  gboolean    id_is_group;   /* connections.ini: the id is the group's name */
} Origin;

static void
kw_connection_constructed (GObject *object)
{
  KwConnection *self = KW_CONNECTION (object);

  G_OBJECT_CLASS (kw_connection_parent_class)->constructed (object);

  if (self->password_policy == NULL)
    self->password_policy = kw_password_policy_new_default ();
}

static void
kw_connection_finalize (GObject *object)
{
  KwConnection *self = KW_CONNECTION (object);

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->region, g_free);
  g_clear_pointer (&self->client_id, g_free);
  g_clear_pointer (&self->user_pool_id, g_free);
  g_clear_pointer (&self->endpoint_url, g_free);
  g_clear_pointer (&self->password_policy, kw_password_policy_free);
  g_clear_pointer (&self->aws_profile, g_free);
  g_clear_pointer (&self->access_key_id, g_free);

  G_OBJECT_CLASS (kw_connection_parent_class)->finalize (object);
}

static void
kw_connection_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  KwConnection *self = KW_CONNECTION (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_REGION:
      g_value_set_string (value, self->region);
      break;
    case PROP_CLIENT_ID:
      g_value_set_string (value, self->client_id);
      break;
    case PROP_USER_POOL_ID:
      g_value_set_string (value, self->user_pool_id);
      break;
    case PROP_ENDPOINT_URL:
      g_value_set_string (value, self->endpoint_url);
      break;
    case PROP_HAS_CLIENT_SECRET:
      g_value_set_boolean (value, self->has_client_secret);
      break;
    case PROP_PREVENT_USER_EXISTENCE_ERRORS:
      g_value_set_boolean (value, self->prevent_user_existence_errors);
      break;
    case PROP_PASSWORD_POLICY:
      g_value_set_boxed (value, self->password_policy);
      break;
    case PROP_CREDENTIALS_SOURCE:
      g_value_set_enum (value, self->credentials_source);
      break;
    case PROP_AWS_PROFILE:
      g_value_set_string (value, self->aws_profile);
      break;
    case PROP_ACCESS_KEY_ID:
      g_value_set_string (value, self->access_key_id);
      break;
    case PROP_ORIGIN:
      g_value_set_enum (value, self->origin);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* Optional strings: an empty one means "not set", as in the files. */
static char *
dup_optional (const GValue *value)
{
  const char *str = g_value_get_string (value);

  return str != NULL && *str != '\0' ? g_strdup (str) : NULL;
}

static void
kw_connection_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  KwConnection *self = KW_CONNECTION (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_dup_string (value);
      break;
    case PROP_NAME:
      self->name = g_value_dup_string (value);
      break;
    case PROP_REGION:
      self->region = g_value_dup_string (value);
      break;
    case PROP_CLIENT_ID:
      self->client_id = g_value_dup_string (value);
      break;
    case PROP_USER_POOL_ID:
      self->user_pool_id = dup_optional (value);
      break;
    case PROP_ENDPOINT_URL:
      self->endpoint_url = dup_optional (value);
      break;
    case PROP_HAS_CLIENT_SECRET:
      self->has_client_secret = g_value_get_boolean (value);
      break;
    case PROP_PREVENT_USER_EXISTENCE_ERRORS:
      self->prevent_user_existence_errors = g_value_get_boolean (value);
      break;
    case PROP_PASSWORD_POLICY:
      self->password_policy = g_value_dup_boxed (value);
      break;
    case PROP_CREDENTIALS_SOURCE:
      self->credentials_source = g_value_get_enum (value);
      break;
    case PROP_AWS_PROFILE:
      self->aws_profile = dup_optional (value);
      break;
    case PROP_ACCESS_KEY_ID:
      self->access_key_id = dup_optional (value);
      break;
    case PROP_ORIGIN:
      self->origin = g_value_get_enum (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kw_connection_class_init (KwConnectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                            G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->constructed = kw_connection_constructed;
  object_class->finalize = kw_connection_finalize;
  object_class->get_property = kw_connection_get_property;
  object_class->set_property = kw_connection_set_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL, flags);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL, flags);
  properties[PROP_REGION] =
    g_param_spec_string ("region", NULL, NULL, NULL, flags);
  properties[PROP_CLIENT_ID] =
    g_param_spec_string ("client-id", NULL, NULL, NULL, flags);
  properties[PROP_USER_POOL_ID] =
    g_param_spec_string ("user-pool-id", NULL, NULL, NULL, flags);
  properties[PROP_ENDPOINT_URL] =
    g_param_spec_string ("endpoint-url", NULL, NULL, NULL, flags);
  /**
   * KwConnection:has-client-secret:
   *
   * Whether the app client has a secret. The secret itself is never part
   * of a connection: it lives in the keyring.
   */
  properties[PROP_HAS_CLIENT_SECRET] =
    g_param_spec_boolean ("has-client-secret", NULL, NULL, FALSE, flags);
  properties[PROP_PREVENT_USER_EXISTENCE_ERRORS] =
    g_param_spec_boolean ("prevent-user-existence-errors", NULL, NULL, FALSE, flags);
  /**
   * KwConnection:password-policy:
   *
   * The pool's password policy; Cognito's defaults when not given.
   */
  properties[PROP_PASSWORD_POLICY] =
    g_param_spec_boxed ("password-policy", NULL, NULL, KW_TYPE_PASSWORD_POLICY, flags);
  properties[PROP_CREDENTIALS_SOURCE] =
    g_param_spec_enum ("credentials-source", NULL, NULL, KW_TYPE_CREDENTIALS_SOURCE,
                       KW_CREDENTIALS_SOURCE_NONE, flags);
  properties[PROP_AWS_PROFILE] =
    g_param_spec_string ("aws-profile", NULL, NULL, NULL, flags);
  properties[PROP_ACCESS_KEY_ID] =
    g_param_spec_string ("access-key-id", NULL, NULL, NULL, flags);
  properties[PROP_ORIGIN] =
    g_param_spec_enum ("origin", NULL, NULL, KW_TYPE_CONNECTION_ORIGIN,
                       KW_CONNECTION_ORIGIN_USER, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
kw_connection_init (KwConnection *self)
{
}

/* Line numbers */

/* The 1-based line of @key in @group (the group's header when @key is
 * %NULL), or 0. GKeyFile merges repeated groups and keeps the last value of
 * a repeated key, so the last match wins. */
static int
find_line (const char *data,
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

/* Sets @error with @message, prefixed with the file and the line of @key
 * when the values came from a file. */
static void
set_error_literal (GError       **error,
                   const Origin  *origin,
                   int            code,
                   const char    *key,
                   const char    *message)
{
  int line = 0;

  if (origin == NULL || origin->file_name == NULL)
    {
      g_set_error_literal (error, KW_CONNECTION_ERROR, code, message);
      return;
    }

  if (key != NULL)
    line = origin->id_is_group && strcmp (key, KEY_ID) == 0
      ? find_line (origin->data, origin->group, NULL)
      : find_line (origin->data, origin->group, key);

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

static void set_error (GError       **error,
                       const Origin  *origin,
                       int            code,
                       const char    *key,
                       const char    *format,
                       ...) G_GNUC_PRINTF (5, 6);

static void
set_error (GError       **error,
           const Origin  *origin,
           int            code,
           const char    *key,
           const char    *format,
           ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  set_error_literal (error, origin, code, key, message);
}

/* A value as it may be shown in a message: control characters replaced,
 * long values cut. Never used for a secret or a URL. */
static char *
display_value (const char *value)
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

static gboolean
check_client_secret (const char    *client_secret,
                     const Origin  *origin,
                     GError       **error)
{
  const KwShape *shape = kw_cognito_shape_lookup ("ClientSecretType");

  g_assert (shape != NULL);

  if (!kw_cognito_validate_string (shape, KEY_CLIENT_SECRET, client_secret, NULL))
    {
      /* The value stays out of the message, whatever is wrong with it. */
      set_error (error, origin, KW_CONNECTION_ERROR_INVALID_VALUE, KEY_CLIENT_SECRET,
                 /* Translators: the numbers are the allowed lengths */
                 _("ClientSecret is not an app client secret, which has %d to %d letters, "
                   "digits, “_” or “+”"),
                 (int) shape->min, (int) shape->max);
      return FALSE;
    }

  return TRUE;
}

static gboolean
validate (KwConnection  *self,
          const Origin  *origin,
          GError       **error)
{
  const KwPasswordPolicy *policy = self->password_policy;
  g_autofree char *shown = NULL;

  if (self->id == NULL || !is_slug (self->id))
    {
      shown = display_value (self->id != NULL ? self->id : "");
      set_error (error, origin, KW_CONNECTION_ERROR_INVALID_VALUE, KEY_ID,
                 _("Id “%s” is not a connection id: use up to %d lowercase letters, digits, "
                   "“.”, “_” or “-”, starting with a letter or digit"),
                 shown, ID_MAX_LENGTH);
      return FALSE;
    }

  if (self->name == NULL || is_blank (self->name))
    {
      set_error_literal (error, origin, KW_CONNECTION_ERROR_INVALID_VALUE, KEY_NAME,
                         _("Name must not be empty"));
      return FALSE;
    }

  if (!g_utf8_validate (self->name, -1, NULL) ||
      g_utf8_strlen (self->name, -1) > NAME_MAX_LENGTH ||
      has_control_characters (self->name))
    {
      set_error (error, origin, KW_CONNECTION_ERROR_INVALID_VALUE, KEY_NAME,
                 _("Name must be at most %d characters, without control characters"),
                 NAME_MAX_LENGTH);
      return FALSE;
    }

  if (!kw_endpoint_region_is_valid (self->region))
    {
      shown = display_value (self->region != NULL ? self->region : "");
      set_error (error, origin, KW_CONNECTION_ERROR_INVALID_VALUE, KEY_REGION,
                 _("Region “%s” is not an AWS Region, such as us-east-1"), shown);
      return FALSE;
    }

  if (self->client_id == NULL || !matches_shape ("ClientIdType", self->client_id))
    {
      shown = display_value (self->client_id != NULL ? self->client_id : "");
      set_error (error, origin, KW_CONNECTION_ERROR_INVALID_VALUE, KEY_CLIENT_ID,
                 _("ClientId “%s” is not an app client id, which has only letters, digits, "
                   "“_” or “+”"),
                 shown);
      return FALSE;
    }

  if (self->user_pool_id != NULL && !matches_shape ("UserPoolIdType", self->user_pool_id))
    {
      shown = display_value (self->user_pool_id);
      set_error (error, origin, KW_CONNECTION_ERROR_INVALID_VALUE, KEY_USER_POOL_ID,
                 _("UserPoolId “%s” is not a user pool id, such as us-east-1_AbCdEf123"),
                 shown);
      return FALSE;
    }

  /* The URL stays out of the message: it may carry a password. */
  if (self->endpoint_url != NULL && !kw_endpoint_check_url (self->endpoint_url, NULL))
    {
      set_error_literal (error, origin, KW_CONNECTION_ERROR_INVALID_VALUE, KEY_ENDPOINT_URL,
                         _("EndpointUrl must be an https URL with only a host and port; "
                           "plain http is allowed only to 127.0.0.1, ::1 or localhost"));
      return FALSE;
    }

  if (policy->minimum_length < KW_PASSWORD_POLICY_MIN_MINIMUM_LENGTH ||
      policy->minimum_length > KW_PASSWORD_POLICY_MAX_MINIMUM_LENGTH)
    {
      shown = g_strdup_printf ("%u", policy->minimum_length);
      set_error (error, origin, KW_CONNECTION_ERROR_INVALID_VALUE, KEY_MINIMUM_LENGTH,
                 _("PasswordMinimumLength “%s” is not a whole number from %d to %d"),
                 shown, KW_PASSWORD_POLICY_MIN_MINIMUM_LENGTH,
                 KW_PASSWORD_POLICY_MAX_MINIMUM_LENGTH);
      return FALSE;
    }

  if (self->aws_profile != NULL && !is_profile_name (self->aws_profile))
    {
      shown = display_value (self->aws_profile);
      set_error (error, origin, KW_CONNECTION_ERROR_INVALID_VALUE, KEY_AWS_PROFILE,
                 _("AwsProfile “%s” is not an AWS profile name"), shown);
      return FALSE;
    }

  if (self->access_key_id != NULL && !is_access_key_id (self->access_key_id))
    {
      shown = display_value (self->access_key_id);
      set_error (error, origin, KW_CONNECTION_ERROR_INVALID_VALUE, KEY_ACCESS_KEY_ID,
                 _("AccessKeyId “%s” is not an AWS access key id, which has %d to %d "
                   "capital letters and digits"),
                 shown, ACCESS_KEY_ID_MIN, ACCESS_KEY_ID_MAX);
      return FALSE;
    }

  /* A credentials source's own fields: required with it, refused without,
   * so that a file never says something Keyway silently ignores. */
  if (self->aws_profile != NULL && self->credentials_source != KW_CREDENTIALS_SOURCE_PROFILE)
    {
      set_error_literal (error, origin, KW_CONNECTION_ERROR_INVALID_VALUE, KEY_AWS_PROFILE,
                         _("AwsProfile is set, but CredentialsSource is not “profile”"));
      return FALSE;
    }

  if (self->access_key_id != NULL && self->credentials_source != KW_CREDENTIALS_SOURCE_KEYRING)
    {
      set_error_literal (error, origin, KW_CONNECTION_ERROR_INVALID_VALUE, KEY_ACCESS_KEY_ID,
                         _("AccessKeyId is set, but CredentialsSource is not “keyring”"));
      return FALSE;
    }

  if (self->credentials_source == KW_CREDENTIALS_SOURCE_PROFILE && self->aws_profile == NULL)
    {
      set_error_literal (error, origin, KW_CONNECTION_ERROR_MISSING_KEY, KEY_CREDENTIALS_SOURCE,
                         _("CredentialsSource “profile” needs an AwsProfile key"));
      return FALSE;
    }

  if (self->credentials_source == KW_CREDENTIALS_SOURCE_KEYRING && self->access_key_id == NULL)
    {
      set_error_literal (error, origin, KW_CONNECTION_ERROR_MISSING_KEY, KEY_CREDENTIALS_SOURCE,
                         _("CredentialsSource “keyring” needs an AccessKeyId key"));
      return FALSE;
    }

  if (self->credentials_source != KW_CREDENTIALS_SOURCE_NONE && self->user_pool_id == NULL)
    {
      set_error (error, origin, KW_CONNECTION_ERROR_MISSING_KEY, KEY_CREDENTIALS_SOURCE,
                 _("CredentialsSource “%s” needs a UserPoolId key: helpdesk work is done "
                   "on a user pool"),
                 source_names[self->credentials_source]);
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
 * top of kw-connection.c lists the rules.
 *
 * Returns: %TRUE when the connection can be used and saved
 */
gboolean
kw_connection_validate (KwConnection  *self,
                        GError       **error)
{
  g_return_val_if_fail (KW_IS_CONNECTION (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return validate (self, NULL, error);
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
read_string (GKeyFile      *key_file,
             const Origin  *origin,
             const char    *key,
             gboolean       optional,
             char         **value,
             GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  char *str;

  *value = NULL;

  if (!g_key_file_has_key (key_file, origin->group, key, NULL))
    return TRUE;

  str = g_key_file_get_string (key_file, origin->group, key, &local_error);
  if (str == NULL)
    {
      set_error (error, origin, KW_CONNECTION_ERROR_INVALID_VALUE, key,
                 _("The value of %s is not valid text: it is not UTF-8 or has a bad escape "
                   "sequence"),
                 key);
      return FALSE;
    }

  if (optional && *str == '\0')
    g_clear_pointer (&str, g_free);

  *value = str;

  return TRUE;
}

static gboolean
read_required (GKeyFile      *key_file,
               const Origin  *origin,
               const char    *key,
               char         **value,
               GError       **error)
{
  if (!read_string (key_file, origin, key, FALSE, value, error))
    return FALSE;

  if (*value == NULL)
    {
      set_error (error, origin, KW_CONNECTION_ERROR_MISSING_KEY, NULL,
                 _("The required key %s is missing"), key);
      return FALSE;
    }

  return TRUE;
}

/* Booleans are true or false, not GKeyFile's 1 and 0 as well: the files
 * are read by people and other tools too. */
static gboolean
read_boolean (GKeyFile      *key_file,
              const Origin  *origin,
              const char    *key,
              gboolean      *value,
              GError       **error)
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
      shown = display_value (str);
      set_error (error, origin, KW_CONNECTION_ERROR_INVALID_VALUE, key,
                 _("%s is “%s”, but it must be true or false"), key, shown);
      return FALSE;
    }

  return TRUE;
}

static gboolean
read_minimum_length (GKeyFile      *key_file,
                     const Origin  *origin,
                     guint         *value,
                     GError       **error)
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
      shown = display_value (str);
      set_error (error, origin, KW_CONNECTION_ERROR_INVALID_VALUE, KEY_MINIMUM_LENGTH,
                 _("PasswordMinimumLength “%s” is not a whole number from %d to %d"),
                 shown, KW_PASSWORD_POLICY_MIN_MINIMUM_LENGTH,
                 KW_PASSWORD_POLICY_MAX_MINIMUM_LENGTH);
      return FALSE;
    }

  *value = (guint) number;

  return TRUE;
}

static gboolean
read_credentials_source (GKeyFile             *key_file,
                         const Origin         *origin,
                         KwCredentialsSource  *value,
                         GError              **error)
{
  g_autofree char *str = NULL;
  g_autofree char *shown = NULL;

  *value = KW_CREDENTIALS_SOURCE_NONE;

  if (!read_string (key_file, origin, KEY_CREDENTIALS_SOURCE, TRUE, &str, error))
    return FALSE;

  if (str == NULL)
    return TRUE;

  for (guint i = 1; i < G_N_ELEMENTS (source_names); i++)
    {
      if (strcmp (str, source_names[i]) == 0)
        {
          *value = i;
          return TRUE;
        }
    }

  shown = display_value (str);
  set_error (error, origin, KW_CONNECTION_ERROR_INVALID_VALUE, KEY_CREDENTIALS_SOURCE,
             _("CredentialsSource “%s” is not one of profile, environment or keyring"),
             shown);

  return FALSE;
}

static void
warn_unknown_keys (GKeyFile     *key_file,
                   const Origin *origin,
                   gboolean      with_id)
{
  g_auto(GStrv) keys = g_key_file_get_keys (key_file, origin->group, NULL, NULL);

  for (guint i = 0; keys != NULL && keys[i] != NULL; i++)
    {
      if (!is_known_key (keys[i], with_id))
        g_warning ("%s, line %d: ignoring the unknown key %s in [%s]",
                   origin->file_name != NULL ? origin->file_name : "(key file)",
                   find_line (origin->data, origin->group, keys[i]),
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
  Origin where = { file_name, data, group, id != NULL };
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
  g_autoptr(GError) local_error = NULL;
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
      set_error (error, &where, KW_CONNECTION_ERROR_PARSE, NULL,
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

  if (!validate (self, &where, error))
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
          set_error_literal (error, &where, KW_CONNECTION_ERROR_INVALID_VALUE,
                             KEY_HAS_CLIENT_SECRET,
                             _("HasClientSecret is false, but there is a ClientSecret"));
          return NULL;
        }

      if (!check_client_secret (secret, &where, error))
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
                   _("%s: the file is too large to hold connections"), file_name);
      return NULL;
    }

  /* A nul byte also fails here: text files have none. */
  if (!g_utf8_validate_len (data, length, NULL))
    {
      g_set_error (error, KW_CONNECTION_ERROR, KW_CONNECTION_ERROR_PARSE,
                   _("%s: the file is not UTF-8 text"), file_name);
      return NULL;
    }

  bad_line = find_bad_line (data, &before_group);
  if (bad_line > 0)
    {
      if (before_group)
        g_set_error (error, KW_CONNECTION_ERROR, KW_CONNECTION_ERROR_PARSE,
                     _("%s, line %d: a key comes before the first [group] header"),
                     file_name, bad_line);
      else
        g_set_error (error, KW_CONNECTION_ERROR, KW_CONNECTION_ERROR_PARSE,
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
                   file_name, find_line (text, groups[i], NULL), groups[i]);
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
                           source_names[self->credentials_source]);
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

/**
 * kw_connection_copy_with:
 * @self: a #KwConnection
 * @origin: the copy's origin
 * @has_client_secret: whether the copy's client has a secret
 *
 * Returns: (transfer full): a connection like @self but for those two
 */
KwConnection *
kw_connection_copy_with (KwConnection       *self,
                         KwConnectionOrigin  origin,
                         gboolean            has_client_secret)
{
  g_return_val_if_fail (KW_IS_CONNECTION (self), NULL);

  return g_object_new (KW_TYPE_CONNECTION,
                       "id", self->id,
                       "name", self->name,
                       "region", self->region,
                       "client-id", self->client_id,
                       "user-pool-id", self->user_pool_id,
                       "endpoint-url", self->endpoint_url,
                       "has-client-secret", has_client_secret,
                       "prevent-user-existence-errors", self->prevent_user_existence_errors,
                       "password-policy", self->password_policy,
                       "credentials-source", self->credentials_source,
                       "aws-profile", self->aws_profile,
                       "access-key-id", self->access_key_id,
                       "origin", origin,
                       NULL);
}

/* Getters */

const char *
kw_connection_get_id (KwConnection *self)
{
  g_return_val_if_fail (KW_IS_CONNECTION (self), NULL);

  return self->id;
}

const char *
kw_connection_get_name (KwConnection *self)
{
  g_return_val_if_fail (KW_IS_CONNECTION (self), NULL);

  return self->name;
}

const char *
kw_connection_get_region (KwConnection *self)
{
  g_return_val_if_fail (KW_IS_CONNECTION (self), NULL);

  return self->region;
}

const char *
kw_connection_get_client_id (KwConnection *self)
{
  g_return_val_if_fail (KW_IS_CONNECTION (self), NULL);

  return self->client_id;
}

/**
 * kw_connection_get_user_pool_id:
 *
 * Returns: (nullable): the user pool id, which helpdesk connections have
 */
const char *
kw_connection_get_user_pool_id (KwConnection *self)
{
  g_return_val_if_fail (KW_IS_CONNECTION (self), NULL);

  return self->user_pool_id;
}

/**
 * kw_connection_get_endpoint_url:
 *
 * Returns: (nullable): the endpoint override, or %NULL for the region's
 */
const char *
kw_connection_get_endpoint_url (KwConnection *self)
{
  g_return_val_if_fail (KW_IS_CONNECTION (self), NULL);

  return self->endpoint_url;
}

gboolean
kw_connection_get_has_client_secret (KwConnection *self)
{
  g_return_val_if_fail (KW_IS_CONNECTION (self), FALSE);

  return self->has_client_secret;
}

gboolean
kw_connection_get_prevent_user_existence_errors (KwConnection *self)
{
  g_return_val_if_fail (KW_IS_CONNECTION (self), FALSE);

  return self->prevent_user_existence_errors;
}

const KwPasswordPolicy *
kw_connection_get_password_policy (KwConnection *self)
{
  g_return_val_if_fail (KW_IS_CONNECTION (self), NULL);

  return self->password_policy;
}

KwCredentialsSource
kw_connection_get_credentials_source (KwConnection *self)
{
  g_return_val_if_fail (KW_IS_CONNECTION (self), KW_CREDENTIALS_SOURCE_NONE);

  return self->credentials_source;
}

/**
 * kw_connection_get_aws_profile:
 *
 * Returns: (nullable): the profile of %KW_CREDENTIALS_SOURCE_PROFILE
 */
const char *
kw_connection_get_aws_profile (KwConnection *self)
{
  g_return_val_if_fail (KW_IS_CONNECTION (self), NULL);

  return self->aws_profile;
}

/**
 * kw_connection_get_access_key_id:
 *
 * Returns: (nullable): the access key id of %KW_CREDENTIALS_SOURCE_KEYRING
 */
const char *
kw_connection_get_access_key_id (KwConnection *self)
{
  g_return_val_if_fail (KW_IS_CONNECTION (self), NULL);

  return self->access_key_id;
}

KwConnectionOrigin
kw_connection_get_origin (KwConnection *self)
{
  g_return_val_if_fail (KW_IS_CONNECTION (self), KW_CONNECTION_ORIGIN_USER);

  return self->origin;
}

/**
 * kw_connection_is_helpdesk:
 * @self: a #KwConnection
 *
 * Returns: %TRUE when the connection has a user pool id and a source of AWS
 *   credentials, which helpdesk work needs
 */
gboolean
kw_connection_is_helpdesk (KwConnection *self)
{
  g_return_val_if_fail (KW_IS_CONNECTION (self), FALSE);

  return self->user_pool_id != NULL && self->credentials_source != KW_CREDENTIALS_SOURCE_NONE;
}
