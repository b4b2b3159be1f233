/* kw-fake-cognito-pool.c
 *
 * Copyright 2026 The Keyway authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "kw-fake-cognito-pool.h"

#include "kw-secret-hash.h"

#include <string.h>

#define HOUR_US ((gint64) G_USEC_PER_SEC * 60 * 60)
#define CODE_LIFETIME_US HOUR_US
#define DEFAULT_ATTEMPT_LIMIT 10
#define COGNITO_SYMBOLS "^$*.[]{}()?\"!@#%&/\\,><':;|_~`=+- "

typedef struct
{
  char       *username;
  char       *sub;
  char       *password;
  char       *status;
  gboolean    enabled;
  GHashTable *attributes;
  char       *code;
  gint64      code_expires_us;
  GArray     *attempts_us;   /* recovery attempts in the last hour */
  gint64      created_us;
  gint64      modified_us;
} FakeUser;

typedef struct
{
  char      *id;
  GPtrArray *users;          /* of FakeUser, in creation order */
} FakePool;

typedef struct
{
  char     *id;
  char     *secret;
  FakePool *pool;
  gboolean  prevent_user_existence_errors;
} FakeClient;

struct _KwFakeDirectory
{
  GHashTable *pools;         /* id → FakePool */
  GHashTable *clients;       /* id → FakeClient */
  guint       attempt_limit;
  guint       next_sub;
};

static void
fake_user_free (FakeUser *user)
{
  g_free (user->username);
  g_free (user->sub);
  g_free (user->password);
  g_free (user->status);
  g_hash_table_unref (user->attributes);
  g_free (user->code);
  g_array_unref (user->attempts_us);
  g_free (user);
}

static void
fake_pool_free (FakePool *pool)
{
  g_free (pool->id);
  g_ptr_array_unref (pool->users);
  g_free (pool);
}

static void
fake_client_free (FakeClient *client)
{
  g_free (client->id);
  g_free (client->secret);
  g_free (client);
}

KwFakeDirectory *
kw_fake_directory_new (void)
{
  KwFakeDirectory *self = g_new0 (KwFakeDirectory, 1);

  self->pools = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                       (GDestroyNotify) fake_pool_free);
  self->clients = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                         (GDestroyNotify) fake_client_free);
  self->attempt_limit = DEFAULT_ATTEMPT_LIMIT;

  return self;
}

void
kw_fake_directory_free (KwFakeDirectory *self)
{
  if (self == NULL)
    return;

  g_hash_table_unref (self->clients);
  g_hash_table_unref (self->pools);
  g_free (self);
}

void
kw_fake_directory_add_pool (KwFakeDirectory *self,
                            const char      *pool_id)
{
  FakePool *pool = g_new0 (FakePool, 1);

  pool->id = g_strdup (pool_id);
  pool->users = g_ptr_array_new_with_free_func ((GDestroyNotify) fake_user_free);
  g_hash_table_replace (self->pools, pool->id, pool);
}

void
kw_fake_directory_add_client (KwFakeDirectory *self,
                              const char      *pool_id,
                              const char      *client_id,
                              const char      *client_secret,
                              gboolean         prevent_user_existence_errors)
{
  FakePool *pool = g_hash_table_lookup (self->pools, pool_id);
  FakeClient *client;

  g_return_if_fail (pool != NULL);

  client = g_new0 (FakeClient, 1);
  client->id = g_strdup (client_id);
  client->secret = g_strdup (client_secret);
  client->pool = pool;
  client->prevent_user_existence_errors = prevent_user_existence_errors;
  g_hash_table_replace (self->clients, client->id, client);
}

void
kw_fake_directory_add_user (KwFakeDirectory *self,
                            const char      *pool_id,
                            const char      *username,
                            const char      *password)
{
  FakePool *pool = g_hash_table_lookup (self->pools, pool_id);
  FakeUser *user;

  g_return_if_fail (pool != NULL);

  user = g_new0 (FakeUser, 1);
  user->username = g_strdup (username);
  user->sub = g_strdup_printf ("8f0e4a2c-0000-4000-8000-%012u", ++self->next_sub);
  user->password = g_strdup (password);
  user->status = g_strdup ("CONFIRMED");
  user->enabled = TRUE;
  user->attributes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  user->attempts_us = g_array_new (FALSE, FALSE, sizeof (gint64));
  user->created_us = user->modified_us = g_get_real_time ();
  g_hash_table_insert (user->attributes, g_strdup ("sub"), g_strdup (user->sub));
  g_ptr_array_add (pool->users, user);
}

void
kw_fake_directory_set_attempt_limit (KwFakeDirectory *self,
                                     guint            attempts_per_hour)
{
  self->attempt_limit = attempts_per_hour;
}

/* Usernames are case-sensitive, as in pools created through the API; an
 * email that is an alias finds its user too. */
static FakeUser *
find_user (FakePool   *pool,
           const char *name)
{
  if (pool == NULL || name == NULL)
    return NULL;

  for (guint i = 0; i < pool->users->len; i++)
    {
      FakeUser *user = g_ptr_array_index (pool->users, i);

      if (g_strcmp0 (user->username, name) == 0 || g_strcmp0 (user->sub, name) == 0)
        return user;
    }

  for (guint i = 0; i < pool->users->len; i++)
    {
      FakeUser *user = g_ptr_array_index (pool->users, i);
      const char *email = g_hash_table_lookup (user->attributes, "email");

      if (email != NULL && g_ascii_strcasecmp (email, name) == 0)
        return user;
    }

  return NULL;
}

static FakeUser *
lookup (KwFakeDirectory *self,
        const char      *pool_id,
        const char      *username)
{
  return find_user (g_hash_table_lookup (self->pools, pool_id), username);
}

gboolean
kw_fake_directory_set_attribute (KwFakeDirectory *self,
                                 const char      *pool_id,
                                 const char      *username,
                                 const char      *name,
                                 const char      *value)
{
  FakeUser *user = lookup (self, pool_id, username);

  if (user == NULL)
    return FALSE;

  g_hash_table_replace (user->attributes, g_strdup (name), g_strdup (value));
  return TRUE;
}

gboolean
kw_fake_directory_set_enabled (KwFakeDirectory *self,
                               const char      *pool_id,
                               const char      *username,
                               gboolean         enabled)
{
  FakeUser *user = lookup (self, pool_id, username);

  if (user == NULL)
    return FALSE;

  user->enabled = enabled;
  return TRUE;
}

gboolean
kw_fake_directory_set_status (KwFakeDirectory *self,
                              const char      *pool_id,
                              const char      *username,
                              const char      *status)
{
  FakeUser *user = lookup (self, pool_id, username);

  if (user == NULL)
    return FALSE;

  g_free (user->status);
  user->status = g_strdup (status);
  return TRUE;
}

const char *
kw_fake_directory_get_password (KwFakeDirectory *self,
                                const char      *pool_id,
                                const char      *username)
{
  FakeUser *user = lookup (self, pool_id, username);

  return user != NULL ? user->password : NULL;
}

const char *
kw_fake_directory_get_status (KwFakeDirectory *self,
                              const char      *pool_id,
                              const char      *username)
{
  FakeUser *user = lookup (self, pool_id, username);

  return user != NULL ? user->status : NULL;
}

static void
fail (KwFakeOutcome *outcome,
      const char    *name,
      const char    *message)
{
  outcome->error_name = g_strdup (name);
  outcome->error_message = g_strdup (message);
}

/* Masks a destination the way Cognito does: j***@e*** and +*******0123. */
static char *
mask_destination (const char *medium,
                  const char *value)
{
  if (g_strcmp0 (medium, "EMAIL") == 0)
    {
      const char *at = strchr (value, '@');

      if (at == NULL || at == value || at[1] == '\0')
        return g_strdup ("***");
      return g_strdup_printf ("%c***@%c***", value[0], at[1]);
    }
  else
    {
      gsize len = strlen (value);
      g_autoptr(GString) masked = g_string_new ("+");

      for (gsize i = 1; i + 4 < len; i++)
        g_string_append_c (masked, '*');
      g_string_append (masked, len > 4 ? value + len - 4 : value);
      return g_string_free (g_steal_pointer (&masked), FALSE);
    }
}

/* Cognito's default recovery order: a verified phone first, then a verified email. */
static gboolean
pick_channel (FakeUser    *user,
              const char **medium,
              const char **attribute,
              const char **value)
{
  if (g_strcmp0 (g_hash_table_lookup (user->attributes, "phone_number_verified"), "true") == 0 &&
      g_hash_table_lookup (user->attributes, "phone_number") != NULL)
    {
      *medium = "SMS";
      *attribute = "phone_number";
      *value = g_hash_table_lookup (user->attributes, "phone_number");
      return TRUE;
    }

  if (g_strcmp0 (g_hash_table_lookup (user->attributes, "email_verified"), "true") == 0 &&
      g_hash_table_lookup (user->attributes, "email") != NULL)
    {
      *medium = "EMAIL";
      *attribute = "email";
      *value = g_hash_table_lookup (user->attributes, "email");
      return TRUE;
    }

  return FALSE;
}

static gboolean
has_channel (FakeUser *user)
{
  const char *medium, *attribute, *value;

  return pick_channel (user, &medium, &attribute, &value);
}

static void
add_delivery_details (KwFakeOutcome *outcome,
                      const char    *destination,
                      const char    *medium,
                      const char    *attribute)
{
  JsonObject *details = json_object_new ();

  json_object_set_string_member (details, "Destination", destination);
  json_object_set_string_member (details, "DeliveryMedium", medium);
  json_object_set_string_member (details, "AttributeName", attribute);
  outcome->output = json_object_new ();
  json_object_set_object_member (outcome->output, "CodeDeliveryDetails", details);
}

/* Sends a new code by the user's verified channel; FALSE if there is none. */
static gboolean
send_code (FakeUser      *user,
           gint64         now_us,
           KwFakeOutcome *outcome,
           gboolean       with_details)
{
  const char *medium, *attribute, *value;
  KwFakeDelivery *delivery;

  if (!pick_channel (user, &medium, &attribute, &value))
    {
      fail (outcome, "InvalidParameterException",
            "Cannot reset password for the user as there is no registered/verified email "
            "or phone_number");
      return FALSE;
    }

  g_free (user->code);
  user->code = g_strdup_printf ("%06u", g_random_int_range (0, 1000000));
  user->code_expires_us = now_us + CODE_LIFETIME_US;

  delivery = g_new0 (KwFakeDelivery, 1);
  delivery->username = g_strdup (user->username);
  delivery->destination = mask_destination (medium, value);
  delivery->medium = g_strdup (medium);
  delivery->code = g_strdup (user->code);
  outcome->delivery = delivery;

  if (with_details)
    add_delivery_details (outcome, delivery->destination, medium, attribute);
  else
    outcome->output = json_object_new ();

  return TRUE;
}

/* The hourly budget of recovery attempts that LimitExceededException guards. */
static gboolean
spend_attempt (KwFakeDirectory *self,
               FakeUser        *user,
               gint64           now_us,
               KwFakeOutcome   *outcome)
{
  guint kept = 0;

  for (guint i = 0; i < user->attempts_us->len; i++)
    {
      gint64 when = g_array_index (user->attempts_us, gint64, i);

      if (now_us - when < HOUR_US)
        g_array_index (user->attempts_us, gint64, kept++) = when;
    }
  g_array_set_size (user->attempts_us, kept);

  if (kept >= self->attempt_limit)
    {
      fail (outcome, "LimitExceededException",
            "Attempt limit exceeded, please try after some time.");
      return FALSE;
    }

  g_array_append_val (user->attempts_us, now_us);
  return TRUE;
}

static gboolean
check_client (KwFakeDirectory  *self,
              JsonObject       *input,
              FakeClient      **client,
              KwFakeOutcome    *outcome)
{
  const char *client_id = json_object_get_string_member (input, "ClientId");
  const char *username = json_object_get_string_member (input, "Username");
  const char *secret_hash = json_object_get_string_member_with_default (input, "SecretHash", NULL);

  *client = g_hash_table_lookup (self->clients, client_id);
  if (*client == NULL)
    {
      fail (outcome, "ResourceNotFoundException", "User pool client does not exist.");
      return FALSE;
    }

  if ((*client)->secret != NULL)
    {
      g_autofree char *expected = kw_secret_hash_compute ((*client)->secret, username, client_id);
      g_autofree char *message = NULL;

      if (secret_hash == NULL)
        message = g_strdup_printf ("Client %s is configured for secret but secret was not received",
                                   client_id);
      else if (strcmp (secret_hash, expected) != 0)
        message = g_strdup_printf ("Unable to verify secret hash for client %s", client_id);

      if (message != NULL)
        {
          fail (outcome, "NotAuthorizedException", message);
          return FALSE;
        }
    }

  return TRUE;
}

static void
forgot_password (KwFakeDirectory *self,
                 JsonObject      *input,
                 gint64           now_us,
                 KwFakeOutcome   *outcome)
{
  const char *username = json_object_get_string_member (input, "Username");
  FakeClient *client;
  FakeUser *user;

  if (!check_client (self, input, &client, outcome))
    return;

  user = find_user (client->pool, username);

  /* A pool that hides whether accounts exist answers as if a code went out. */
  if (client->prevent_user_existence_errors &&
      (user == NULL || !user->enabled || !has_channel (user)))
    {
      g_autofree char *destination = mask_destination ("EMAIL",
                                                       strchr (username, '@') ? username : "n@e");

      add_delivery_details (outcome, destination, "EMAIL", "email");
      return;
    }

  if (user == NULL)
    {
      fail (outcome, "UserNotFoundException", "Username/client id combination not found.");
      return;
    }

  if (!user->enabled)
    {
      fail (outcome, "NotAuthorizedException", "User is disabled.");
      return;
    }

  if (g_strcmp0 (user->status, "FORCE_CHANGE_PASSWORD") == 0)
    {
      fail (outcome, "NotAuthorizedException",
            "User password cannot be reset in the current state.");
      return;
    }

  if (!spend_attempt (self, user, now_us, outcome))
    return;

  send_code (user, now_us, outcome, TRUE);
}

/* Cognito's default policy: 8 characters with upper, lower, digit and symbol. */
static const char *
password_problem (const char *password)
{
  gboolean upper = FALSE, lower = FALSE, digit = FALSE, symbol = FALSE;

  if (g_utf8_strlen (password, -1) < 8)
    return "Password does not conform to policy: Password not long enough";

  for (const char *p = password; *p != '\0'; p++)
    {
      upper |= g_ascii_isupper (*p);
      lower |= g_ascii_islower (*p);
      digit |= g_ascii_isdigit (*p);
      symbol |= strchr (COGNITO_SYMBOLS, *p) != NULL;
    }

  if (!upper)
    return "Password does not conform to policy: Password must have uppercase characters";
  if (!lower)
    return "Password does not conform to policy: Password must have lowercase characters";
  if (!digit)
    return "Password does not conform to policy: Password must have numeric characters";
  if (!symbol)
    return "Password does not conform to policy: Password must have symbol characters";

  return NULL;
}

static void
set_password (FakeUser   *user,
              const char *password,
              const char *status)
{
  g_free (user->password);
  user->password = g_strdup (password);
  g_free (user->status);
  user->status = g_strdup (status);
  user->modified_us = g_get_real_time ();
}

static void
confirm_forgot_password (KwFakeDirectory *self,
                         JsonObject      *input,
                         gint64           now_us,
                         KwFakeOutcome   *outcome)
{
  const char *code = json_object_get_string_member (input, "ConfirmationCode");
  const char *password = json_object_get_string_member (input, "Password");
  FakeClient *client;
  FakeUser *user;
  const char *problem;

  if (!check_client (self, input, &client, outcome))
    return;

  user = find_user (client->pool, json_object_get_string_member (input, "Username"));
  if (user == NULL || !user->enabled)
    {
      if (client->prevent_user_existence_errors)
        fail (outcome, "CodeMismatchException",
              "Invalid verification code provided, please try again.");
      else if (user == NULL)
        fail (outcome, "UserNotFoundException", "Username/client id combination not found.");
      else
        fail (outcome, "NotAuthorizedException", "User is disabled.");
      return;
    }

  if (!spend_attempt (self, user, now_us, outcome))
    return;

  if (user->code == NULL || now_us > user->code_expires_us)
    {
      fail (outcome, "ExpiredCodeException", "Invalid code provided, please request a code again.");
      return;
    }

  if (strcmp (user->code, code) != 0)
    {
      fail (outcome, "CodeMismatchException",
            "Invalid verification code provided, please try again.");
      return;
    }

  problem = password_problem (password);
  if (problem != NULL)
    {
      fail (outcome, "InvalidPasswordException", problem);
      return;
    }

  if (g_strcmp0 (user->password, password) == 0)
    {
      fail (outcome, "PasswordHistoryPolicyViolationException",
            "The password has been used recently. Choose a different password.");
      return;
    }

  g_clear_pointer (&user->code, g_free);
  set_password (user, password, "CONFIRMED");
  outcome->output = json_object_new ();
}

static FakeUser *
admin_find_user (KwFakeDirectory *self,
                 JsonObject      *input,
                 KwFakeOutcome   *outcome)
{
  FakePool *pool = g_hash_table_lookup (self->pools,
                                        json_object_get_string_member (input, "UserPoolId"));
  FakeUser *user;

  if (pool == NULL)
    {
      fail (outcome, "ResourceNotFoundException", "User pool does not exist.");
      return NULL;
    }

  user = find_user (pool, json_object_get_string_member (input, "Username"));
  if (user == NULL)
    fail (outcome, "UserNotFoundException", "User does not exist.");

  return user;
}

static JsonObject *
user_to_json (FakeUser   *user,
              const char *attributes_member)
{
  JsonObject *object = json_object_new ();
  JsonArray *attributes = json_array_new ();
  g_autoptr(GList) names = g_list_sort (g_hash_table_get_keys (user->attributes),
                                        (GCompareFunc) strcmp);

  for (GList *l = names; l != NULL; l = l->next)
    {
      JsonObject *attribute = json_object_new ();

      json_object_set_string_member (attribute, "Name", l->data);
      json_object_set_string_member (attribute, "Value",
                                     g_hash_table_lookup (user->attributes, l->data));
      json_array_add_object_element (attributes, attribute);
    }

  json_object_set_string_member (object, "Username", user->username);
  json_object_set_array_member (object, attributes_member, attributes);
  json_object_set_double_member (object, "UserCreateDate",
                                 user->created_us / (double) G_USEC_PER_SEC);
  json_object_set_double_member (object, "UserLastModifiedDate",
                                 user->modified_us / (double) G_USEC_PER_SEC);
  json_object_set_boolean_member (object, "Enabled", user->enabled);
  json_object_set_string_member (object, "UserStatus", user->status);

  return object;
}

/* ListUsers filters: `name = "value"` or `name ^= "value"`, one attribute. */
static gboolean
parse_filter (const char  *filter,
              char       **name,
              char       **value,
              gboolean    *prefix)
{
  g_autoptr(GRegex) regex = g_regex_new ("^\\s*\"?([a-z_:]+)\"?\\s*(\\^?=)\\s*"
                                         "\"((?:[^\"\\\\]|\\\\.)*)\"\\s*$",
                                         0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  g_autofree char *operator = NULL;
  g_autofree char *raw = NULL;

  if (!g_regex_match (regex, filter, 0, &match))
    return FALSE;

  *name = g_match_info_fetch (match, 1);
  operator = g_match_info_fetch (match, 2);
  raw = g_match_info_fetch (match, 3);
  *value = g_strcompress (raw);
  *prefix = strcmp (operator, "^=") == 0;

  return TRUE;
}

static gboolean
user_matches (FakeUser   *user,
              const char *name,
              const char *value,
              gboolean    prefix)
{
  const char *actual;

  if (strcmp (name, "username") == 0)
    actual = user->username;
  else if (strcmp (name, "cognito:user_status") == 0)
    actual = user->status;
  else if (strcmp (name, "status") == 0)
    actual = user->enabled ? "Enabled" : "Disabled";
  else
    actual = g_hash_table_lookup (user->attributes, name);

  if (actual == NULL)
    return FALSE;

  return prefix ? g_str_has_prefix (actual, value) : strcmp (actual, value) == 0;
}

static void
list_users (KwFakeDirectory *self,
            JsonObject      *input,
            KwFakeOutcome   *outcome)
{
  FakePool *pool = g_hash_table_lookup (self->pools,
                                        json_object_get_string_member (input, "UserPoolId"));
  const char *filter = json_object_get_string_member_with_default (input, "Filter", "");
  gint64 limit = json_object_get_int_member_with_default (input, "Limit", 60);
  const char *token = json_object_get_string_member_with_default (input, "PaginationToken", NULL);
  g_autofree char *name = NULL;
  g_autofree char *value = NULL;
  gboolean prefix = FALSE;
  JsonArray *users;
  guint start = token != NULL ? (guint) g_ascii_strtoull (token, NULL, 10) : 0;
  guint i;

  if (pool == NULL)
    {
      fail (outcome, "ResourceNotFoundException", "User pool does not exist.");
      return;
    }

  if (*filter != '\0' && !parse_filter (filter, &name, &value, &prefix))
    {
      fail (outcome, "InvalidParameterException", "Error while parsing filter.");
      return;
    }

  if (limit == 0)
    limit = 60;

  users = json_array_new ();
  for (i = start; i < pool->users->len && json_array_get_length (users) < (guint) limit; i++)
    {
      FakeUser *user = g_ptr_array_index (pool->users, i);

      if (name == NULL || user_matches (user, name, value, prefix))
        json_array_add_object_element (users, user_to_json (user, "Attributes"));
    }

  outcome->output = json_object_new ();
  json_object_set_array_member (outcome->output, "Users", users);
  if (i < pool->users->len)
    {
      g_autofree char *next = g_strdup_printf ("%u", i);
      json_object_set_string_member (outcome->output, "PaginationToken", next);
    }
}

/**
 * kw_fake_directory_call:
 *
 * Runs one operation on already validated input.
 */
void
kw_fake_directory_call (KwFakeDirectory    *self,
                        KwCognitoOperation  operation,
                        JsonObject         *input,
                        gint64              now_us,
                        KwFakeOutcome      *outcome)
{
  FakeUser *user;

  memset (outcome, 0, sizeof *outcome);

  switch (operation)
    {
    case KW_COGNITO_OPERATION_FORGOT_PASSWORD:
      forgot_password (self, input, now_us, outcome);
      break;

    case KW_COGNITO_OPERATION_CONFIRM_FORGOT_PASSWORD:
      confirm_forgot_password (self, input, now_us, outcome);
      break;

    case KW_COGNITO_OPERATION_ADMIN_RESET_USER_PASSWORD:
      if ((user = admin_find_user (self, input, outcome)) == NULL)
        break;
      if (!user->enabled)
        {
          fail (outcome, "NotAuthorizedException", "User is disabled.");
          break;
        }
      if (send_code (user, now_us, outcome, FALSE))
        {
          g_free (user->status);
          user->status = g_strdup ("RESET_REQUIRED");
        }
      break;

    case KW_COGNITO_OPERATION_ADMIN_GET_USER:
      if ((user = admin_find_user (self, input, outcome)) == NULL)
        break;
      outcome->output = user_to_json (user, "UserAttributes");
      break;

    case KW_COGNITO_OPERATION_ADMIN_SET_USER_PASSWORD:
      {
        const char *password = json_object_get_string_member (input, "Password");
        const char *problem;

        if ((user = admin_find_user (self, input, outcome)) == NULL)
          break;
        if ((problem = password_problem (password)) != NULL)
          {
            fail (outcome, "InvalidPasswordException", problem);
            break;
          }
        set_password (user, password,
                      json_object_get_boolean_member_with_default (input, "Permanent", FALSE)
                        ? "CONFIRMED" : "FORCE_CHANGE_PASSWORD");
        outcome->output = json_object_new ();
      }
      break;

    case KW_COGNITO_OPERATION_LIST_USERS:
      list_users (self, input, outcome);
      break;

    default:
      g_assert_not_reached ();
    }
}

void
kw_fake_delivery_free (KwFakeDelivery *delivery)
{
  if (delivery == NULL)
    return;

  g_free (delivery->username);
  g_free (delivery->destination);
  g_free (delivery->medium);
  g_free (delivery->code);
  g_free (delivery);
}

void
kw_fake_outcome_clear (KwFakeOutcome *outcome)
{
  g_clear_pointer (&outcome->output, json_object_unref);
  g_clear_pointer (&outcome->error_name, g_free);
  g_clear_pointer (&outcome->error_message, g_free);
  g_clear_pointer (&outcome->delivery, kw_fake_delivery_free);
}
