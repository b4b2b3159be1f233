/* kw-password-policy.c
 *
 * Copyright 2026 The Keyway authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "kw-password-policy.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <string.h>
#include <sys/random.h>

/* Cognito's special characters, as its documentation lists them: all 32
 * ASCII punctuation characters. The documentation also calls the space a
 * special character, but the API's PasswordType pattern ([\S]+) refuses any
 * password that holds one, so counting it here would tick "A symbol" for a
 * character that then fails "No spaces". */
#define COGNITO_SYMBOLS "^$*.[]{}()?\"!@#%&/\\,><':;|_~`=+-"

/* The white space of the API's pattern: Java's \s, which is ASCII only. A
 * no-break space or any other Unicode space passes it, as it does
 * kw_cognito_validate_string(). */
#define WIRE_WHITE_SPACE " \t\n\v\f\r"

/* Generated passwords leave out the symbols that change meaning inside
 * single or double quotes in a POSIX shell (` \ " ' $) and the ! of bash's
 * history expansion, so a password pasted into a terminal stays what it is.
 * That leaves 26 symbols of the 32. */
#define GENERATE_SYMBOLS "^*.[]{}()?@#%&/,><:;|_~=+-"
#define GENERATE_UPPERCASE "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
#define GENERATE_LOWERCASE "abcdefghijklmnopqrstuvwxyz"
#define GENERATE_NUMBERS "0123456789"
#define GENERATE_ALL GENERATE_UPPERCASE GENERATE_LOWERCASE GENERATE_NUMBERS GENERATE_SYMBOLS

#define GENERATE_MIN_LENGTH 16

G_DEFINE_BOXED_TYPE (KwPasswordPolicy, kw_password_policy,
                     kw_password_policy_copy, kw_password_policy_free)

/**
 * kw_password_policy_new_default:
 *
 * The policy to assume when the pool's own is unknown: Cognito's default,
 * which is also the strictest common one.
 *
 * Returns: (transfer full): a new policy
 */
KwPasswordPolicy *
kw_password_policy_new_default (void)
{
  KwPasswordPolicy *self = g_new0 (KwPasswordPolicy, 1);

  kw_password_policy_init_default (self);

  return self;
}

KwPasswordPolicy *
kw_password_policy_copy (const KwPasswordPolicy *self)
{
  KwPasswordPolicy *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = g_new0 (KwPasswordPolicy, 1);
  *copy = *self;

  return copy;
}

void
kw_password_policy_free (KwPasswordPolicy *self)
{
  g_free (self);
}

/**
 * kw_password_policy_init_default:
 * @self: a policy to overwrite
 *
 * Sets Cognito's default: at least 8 characters, with an uppercase letter,
 * a lowercase letter, a number and a symbol.
 */
void
kw_password_policy_init_default (KwPasswordPolicy *self)
{
  g_return_if_fail (self != NULL);

  self->minimum_length = KW_PASSWORD_POLICY_DEFAULT_MINIMUM_LENGTH;
  self->require_uppercase = TRUE;
  self->require_lowercase = TRUE;
  self->require_numbers = TRUE;
  self->require_symbols = TRUE;
}

/**
 * kw_password_policy_equal:
 * @a: (nullable): a policy
 * @b: (nullable): another policy
 *
 * Returns: %TRUE if both apply the same rules, or both are %NULL
 */
gboolean
kw_password_policy_equal (const KwPasswordPolicy *a,
                          const KwPasswordPolicy *b)
{
  if (a == b)
    return TRUE;
  if (a == NULL || b == NULL)
    return FALSE;

  return a->minimum_length == b->minimum_length &&
         !a->require_uppercase == !b->require_uppercase &&
         !a->require_lowercase == !b->require_lowercase &&
         !a->require_numbers == !b->require_numbers &&
         !a->require_symbols == !b->require_symbols;
}

/**
 * kw_password_policy_get_rules:
 * @self: a policy
 *
 * Returns: the rules a password must meet, always including
 *   %KW_PASSWORD_RULE_LENGTH and %KW_PASSWORD_RULE_NO_SPACE
 */
KwPasswordRules
kw_password_policy_get_rules (const KwPasswordPolicy *self)
{
  KwPasswordRules rules = KW_PASSWORD_RULE_LENGTH | KW_PASSWORD_RULE_NO_SPACE;

  g_return_val_if_fail (self != NULL, KW_PASSWORD_RULE_NONE);

  if (self->require_uppercase)
    rules |= KW_PASSWORD_RULE_UPPERCASE;
  if (self->require_lowercase)
    rules |= KW_PASSWORD_RULE_LOWERCASE;
  if (self->require_numbers)
    rules |= KW_PASSWORD_RULE_NUMBER;
  if (self->require_symbols)
    rules |= KW_PASSWORD_RULE_SYMBOL;

  return rules;
}

/**
 * kw_password_is_symbol:
 * @c: a character
 *
 * Returns: %TRUE if Cognito counts @c as a special character
 */
gboolean
kw_password_is_symbol (gunichar c)
{
  return c != 0 && c < 0x80 && strchr (COGNITO_SYMBOLS, (char) c) != NULL;
}

static gboolean
is_wire_white_space (char c)
{
  return c != '\0' && strchr (WIRE_WHITE_SPACE, c) != NULL;
}

/**
 * kw_password_policy_check:
 * @self: a policy
 * @password: a candidate password
 *
 * Tells which rules @password meets, among all of them, so that a form can
 * show progress on each. The length is counted in Unicode characters, as
 * Cognito counts it; letters and numbers count only in Basic Latin, as
 * Cognito's do. A password that is not valid UTF-8 meets no rule.
 *
 * Returns: the rules @password meets
 */
KwPasswordRules
kw_password_policy_check (const KwPasswordPolicy *self,
                          const char             *password)
{
  KwPasswordRules met = KW_PASSWORD_RULE_NO_SPACE;
  glong length;

  g_return_val_if_fail (self != NULL, KW_PASSWORD_RULE_NONE);
  g_return_val_if_fail (password != NULL, KW_PASSWORD_RULE_NONE);

  if (!g_utf8_validate (password, -1, NULL))
    return KW_PASSWORD_RULE_NONE;

  /* The API refuses an empty password whatever the pool's minimum, so a
   * policy that says 0 still needs one character. */
  length = g_utf8_strlen (password, -1);
  if (length >= MAX (self->minimum_length, 1) && length <= KW_PASSWORD_MAX_LENGTH)
    met |= KW_PASSWORD_RULE_LENGTH;

  /* Every rule is about ASCII, and in valid UTF-8 a byte below 0x80 is
   * always a whole character, so the bytes can be looked at one by one. */
  for (const char *p = password; *p != '\0'; p++)
    {
      if (*p >= 'A' && *p <= 'Z')
        met |= KW_PASSWORD_RULE_UPPERCASE;
      else if (*p >= 'a' && *p <= 'z')
        met |= KW_PASSWORD_RULE_LOWERCASE;
      else if (*p >= '0' && *p <= '9')
        met |= KW_PASSWORD_RULE_NUMBER;
      else if (kw_password_is_symbol ((guchar) *p))
        met |= KW_PASSWORD_RULE_SYMBOL;
      else if (is_wire_white_space (*p))
        met &= ~KW_PASSWORD_RULE_NO_SPACE;
    }

  return met;
}

/**
 * kw_password_policy_accepts:
 * @self: a policy
 * @password: a candidate password
 *
 * Returns: %TRUE if @password meets every rule of @self
 */
gboolean
kw_password_policy_accepts (const KwPasswordPolicy *self,
                            const char             *password)
{
  KwPasswordRules rules;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (password != NULL, FALSE);

  rules = kw_password_policy_get_rules (self);

  return (kw_password_policy_check (self, password) & rules) == rules;
}

/**
 * kw_password_rule_describe:
 * @rule: exactly one rule
 * @policy: (nullable): the policy, for the minimum length; %NULL for the default
 *
 * Returns: (transfer full): a translated sentence, e.g. "At least 8 characters"
 */
char *
kw_password_rule_describe (KwPasswordRules         rule,
                           const KwPasswordPolicy *policy)
{
  guint minimum_length;

  g_return_val_if_fail (rule != KW_PASSWORD_RULE_NONE && (rule & (rule - 1)) == 0, NULL);

  minimum_length = policy != NULL
    ? MAX (policy->minimum_length, 1)
    : KW_PASSWORD_POLICY_DEFAULT_MINIMUM_LENGTH;

  switch (rule)
    {
    case KW_PASSWORD_RULE_LENGTH:
      return g_strdup_printf (
        /* Translators: a password rule in a checklist; %u is the minimum
         * number of characters. */
        g_dngettext (GETTEXT_PACKAGE, "At least %u character", "At least %u characters",
                     minimum_length),
        minimum_length);
    case KW_PASSWORD_RULE_UPPERCASE:
      /* Translators: a password rule in a checklist. Only the unaccented
       * Latin letters count, so keep the range as it is. */
      return g_strdup (_("An uppercase letter (A–Z)"));
    case KW_PASSWORD_RULE_LOWERCASE:
      /* Translators: a password rule in a checklist. Only the unaccented
       * Latin letters count, so keep the range as it is. */
      return g_strdup (_("A lowercase letter (a–z)"));
    case KW_PASSWORD_RULE_NUMBER:
      /* Translators: a password rule in a checklist. Only the digits 0 to 9
       * count, so keep them as they are. */
      return g_strdup (_("A number (0–9)"));
    case KW_PASSWORD_RULE_SYMBOL:
      /* Translators: a password rule in a checklist. Keep the symbols as
       * they are: they are among those the server counts. */
      return g_strdup (_("A symbol such as ! ? # or %"));
    case KW_PASSWORD_RULE_NO_SPACE:
      /* Translators: a password rule in a checklist: the password must not
       * contain spaces, tabs or line breaks. */
      return g_strdup (_("No spaces"));
    case KW_PASSWORD_RULE_NONE:
    default:
      g_return_val_if_reached (NULL);
    }
}

/* Random numbers straight from the kernel's CSPRNG, fetched in blocks so
 * that a long password does not cost one system call per character. */
typedef struct
{
  guint32 words[64];
  guint   used;
} RandomPool;

static void
random_pool_refill (RandomPool *pool)
{
  guint8 *buffer = (guint8 *) pool->words;
  gsize filled = 0;

  while (filled < sizeof pool->words)
    {
      ssize_t got = getrandom (buffer + filled, sizeof pool->words - filled, 0);

      if (got < 0)
        {
          /* There is no weaker source to fall back to that would be worth
           * a password, and the caller cannot be handed one that is not
           * random; this only happens on kernels older than 3.17. */
          if (errno == EINTR)
            continue;
          g_error ("getrandom() failed: %s", g_strerror (errno));
        }

      filled += got;
    }

  pool->used = 0;
}

static guint32
random_pool_next (RandomPool *pool)
{
  if (pool->used == G_N_ELEMENTS (pool->words))
    random_pool_refill (pool);

  return pool->words[pool->used++];
}

/* A uniform number below @bound. Taking a 32-bit word modulo @bound would
 * favour the low values whenever @bound does not divide 2³², so the words
 * below 2³² mod @bound are drawn again: the rest are an exact multiple of
 * @bound. (-bound) % bound is 2³² mod bound in 32-bit arithmetic. */
static guint
random_pool_uniform (RandomPool *pool,
                     guint32     bound)
{
  guint32 threshold = (-bound) % bound;
  guint32 word;

  g_assert (bound > 0);

  do
    word = random_pool_next (pool);
  while (word < threshold);

  return word % bound;
}

static char
random_pool_pick (RandomPool *pool,
                  const char *alphabet)
{
  return alphabet[random_pool_uniform (pool, strlen (alphabet))];
}

/**
 * kw_password_policy_generate:
 * @self: a policy
 *
 * Makes a temporary password from the kernel's CSPRNG: max(16, minimum
 * length) characters with at least one uppercase letter, lowercase letter,
 * number and symbol whatever the policy requires, never white space.
 *
 * Letters and digits that look alike (0 and O, 1 and l) are kept: the
 * length is fixed, so leaving them out would only lower the entropy, and
 * the password is meant to be copied, not read out. The symbols are
 * Cognito's minus those a shell would interpret inside quotes (` \ " ' $ !).
 *
 * Returns: (transfer full) (nullable): the password, to be wiped before it is
 *   freed; %NULL only if @self asks for more than 256 characters
 */
char *
kw_password_policy_generate (const KwPasswordPolicy *self)
{
  static const char * const classes[] = {
    GENERATE_UPPERCASE, GENERATE_LOWERCASE, GENERATE_NUMBERS, GENERATE_SYMBOLS,
  };
  RandomPool pool;
  gsize length;
  char *password;
  gsize i;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (self->minimum_length <= KW_PASSWORD_MAX_LENGTH, NULL);

  length = MAX (GENERATE_MIN_LENGTH, self->minimum_length);
  password = g_malloc0 (length + 1);
  random_pool_refill (&pool);

  /* One of each class first, so that every class is certain to be there
   * (more than the policy may require, which no policy refuses), then the
   * rest from all of them; the shuffle then puts the forced ones anywhere. */
  for (i = 0; i < G_N_ELEMENTS (classes); i++)
    password[i] = random_pool_pick (&pool, classes[i]);
  for (; i < length; i++)
    password[i] = random_pool_pick (&pool, GENERATE_ALL);

  /* Fisher–Yates, with the same unbiased draws. */
  for (i = length - 1; i > 0; i--)
    {
      guint j = random_pool_uniform (&pool, i + 1);
      char swap = password[i];

      password[i] = password[j];
      password[j] = swap;
    }

  explicit_bzero (&pool, sizeof pool);

  /* The construction guarantees it; this guards the guarantee itself, in
   * every build, since a refused temporary password would reach a user. */
  if (G_UNLIKELY (!kw_password_policy_accepts (self, password)))
    g_error ("A generated password does not meet the policy it was made for");

  return password;
}
