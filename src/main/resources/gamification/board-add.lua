-- Adds an entry's points to one board, unless the board is not built (then a rebuild from
-- PostgreSQL, which includes the entry, builds it when it is first read).
-- KEYS[1] the board, KEYS[2] its "built" marker; ARGV[1] member, ARGV[2] points, ARGV[3] minute
if redis.call('EXISTS', KEYS[2]) == 0 then
  return 0
end
local span = 33554432
local points = 0
local minute = -1
local score = redis.call('ZSCORE', KEYS[1], ARGV[1])
if score then
  score = tonumber(score)
  points = math.floor(score / span)
  minute = span - 1 - (score - points * span)
end
local m = tonumber(ARGV[3])
if m > minute then
  minute = m
end
points = points + tonumber(ARGV[2])
-- formatted by hand: Redis turns Lua numbers into text with 14 digits, too few for these scores
redis.call('ZADD', KEYS[1], string.format('%.0f', points * span + (span - 1 - minute)), ARGV[1])
return 1
