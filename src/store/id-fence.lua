-- Prepended to scripts that hand out record or project numbers (see id-fence.ts).
-- zs_fence(epoch key, counter keys...): when this node is not the one that last handed out
-- numbers (its replication id differs), and it took over from another master (a promoted
-- replica, or any new master in a Sentinel/Cluster deployment), move every counter forward by
-- the gap: numbers the old master handed out but never replicated are then never reused.
local function zs_fence(epochKey, ...)
  local info = redis.call('INFO', 'replication')
  local replid = string.match(info, 'master_replid:(%x+)')
  local seen = redis.call('GET', epochKey)
  if not replid or seen == replid then return end
  local replid2 = string.match(info, 'master_replid2:(%x+)') or ''
  local promoted = string.match(replid2, '[1-9a-f]') ~= nil
  if seen and (ZS_FENCE_ALWAYS or promoted) then
    for _, key in ipairs({...}) do redis.call('INCRBY', key, ZS_FENCE_GAP) end
  end
  redis.call('SET', epochKey, replid)
end
