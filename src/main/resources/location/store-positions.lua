-- Stores one report's or batch's accepted positions for a check-in, atomically, unless the
-- check-in was closed before the newest of them was taken (then nothing is written and 0 is
-- returned, so no position outlives the check-out), or its last position is not the one the reports were filtered
-- against (then nothing is written and -1 is returned, and the caller files them again against
-- the stored one). Every key has a TTL, so everything expires by itself; TTLs are set when a key
-- or an entry is new, and the live map's are renewed once they have run down to half, so that a
-- report costs as few commands as it can. Positions taken before the check-out that arrive after
-- it (queued on a phone in a dead zone) go to the coverage, track and counters, not the live map.
--
-- KEYS: 1 GEO set, 2 last-seen times, 3 patroller entries (and closed marks), 4 coverage bitmap,
--       5 recent track, 6 counters; all in one community's hash slot
-- ARGV: 1 check-in id, 2 its closed-mark field, 3 live-map TTL s, 4 check-in keys TTL s, 5 track length,
--       6 accepted, 7 outside, 8 implausible, 9 whether a newest position moves the patroller (1/0),
--       10 longitude, 11 latitude, 12 recorded at (epoch ms), 13 patroller entry, 14 update channel,
--       15 update message, 16 the last position's time the reports were filtered against (epoch ms,
--       empty for no check), 17 number of covered minutes m, then m minutes, then the track points
-- the closed mark holds the check-out's time (epoch ms); '1' from before late positions were taken
local closedAt = redis.call('HGET', KEYS[3], ARGV[2])
if closedAt then
  if closedAt == '1' or (ARGV[9] == '1' and tonumber(ARGV[12]) > tonumber(closedAt)) then
    return 0
  end
elseif ARGV[16] ~= '' and tonumber(redis.call('ZSCORE', KEYS[2], ARGV[1])) ~= tonumber(ARGV[16]) then
  return -1
end
local id = ARGV[1]
local keysTtl = ARGV[4]
if ARGV[9] == '1' and not closedAt then
  local liveTtl = tonumber(ARGV[3])
  local added = redis.call('GEOADD', KEYS[1], ARGV[10], ARGV[11], id) + redis.call('ZADD', KEYS[2], ARGV[12], id)
  redis.call('HSET', KEYS[3], id, ARGV[13])
  -- a new member may mean a new key; otherwise renew once half of the TTL has run down
  if added > 0 or redis.call('PTTL', KEYS[3]) < liveTtl * 500 then
    redis.call('EXPIRE', KEYS[1], liveTtl)
    redis.call('EXPIRE', KEYS[2], liveTtl)
    redis.call('EXPIRE', KEYS[3], liveTtl)
  end
  redis.call('PUBLISH', ARGV[14], ARGV[15])
end
local minutes = tonumber(ARGV[17])
local newMinute = false
for i = 1, minutes do
  if redis.call('SETBIT', KEYS[4], ARGV[17 + i], 1) == 0 then
    newMinute = true
  end
end
if newMinute then
  redis.call('EXPIRE', KEYS[4], keysTtl)
end
local firstPoint = 18 + minutes
if #ARGV >= firstPoint then
  local pushed = #ARGV - firstPoint + 1
  local length = redis.call('LPUSH', KEYS[5], unpack(ARGV, firstPoint, #ARGV))
  if length == pushed then
    redis.call('EXPIRE', KEYS[5], keysTtl)
  end
  if length > tonumber(ARGV[5]) then
    redis.call('LTRIM', KEYS[5], 0, tonumber(ARGV[5]) - 1)
  end
end
local newCounter = false
for i, field in ipairs({ 'accepted', 'outside', 'implausible' }) do
  local by = tonumber(ARGV[5 + i])
  if by > 0 and redis.call('HINCRBY', KEYS[6], field, by) == by then
    newCounter = true
  end
end
if newCounter then
  redis.call('EXPIRE', KEYS[6], keysTtl)
end
return 1
