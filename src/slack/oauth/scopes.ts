/** The bot scopes an install asks for: the same as manifest.yml and manifest.oauth.yml (a test checks). */
export const BOT_SCOPES = ["commands", "chat:write", "im:write", "users:read"] as const;
